// What the popup says at each stage the backend reports, and how far along that is.
const STAGES = [
  ["capturing", "Reading this page"],
  ["loading_sections", "Loading the profile's sections"],
  ["queued", "Waiting for the backend"],
  ["reading_profile", "Reading the profile"],
  ["finding_blog", "Finding the blog"],
  ["reading_posts", "Reading posts"],
  ["finding_topics", "Finding topics"],
  ["matching", "Matching with your profile"],
  ["writing_openers", "Writing openers"],
  ["done", "Done"],
];
const INDEX = new Map(STAGES.map(([name], i) => [name, i]));

export function stageLabel(state) {
  if (!state) return "Starting";
  if (state.status === "failed") return "Stopped";
  const stage = state.stage || state.status;
  if (stage === "reading_posts" && state.total > 0) {
    return `Reading posts ${Math.min(state.done + 1, state.total)} of ${state.total}`;
  }
  const known = STAGES.find(([name]) => name === stage);
  if (known) return known[1];
  const words = String(stage).replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// 0..100: the stage's place in the list, and within "reading posts" the share read so far.
export function stagePercent(state) {
  if (!state) return 0;
  if (state.status === "done") return 100;
  const i = INDEX.get(state.stage) ?? 1;
  let within = 0;
  if (state.total > 0) within = Math.min(1, state.done / state.total);
  return Math.round(((i + within) / (STAGES.length - 1)) * 100);
}
