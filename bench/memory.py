"""Peak memory of a process tree (a backend and its Chromium), sampled while a benchmark runs."""

from __future__ import annotations

import threading

import psutil


class PeakMemory:
    """Peak RSS (every 50 ms) and PSS (at start, every second, and at the end) of a process and
    its descendants.

    PSS, proportional set size, is the fair figure for Chromium, whose processes share most of
    their pages (summing RSS counts them once per process). RSS is read from /proc/<pid>/statm,
    which costs nothing; PSS needs smaps, tens of ms of CPU per read of a 500 MB process, so
    reading it every 50 ms would slow down what is being measured.
    """

    def __init__(self, pid: int | None = None, full_every: int = 20) -> None:
        self.process = psutil.Process(pid)
        self.full_every = full_every
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _sample(self, full: bool) -> None:
        rss = pss = 0
        try:
            procs = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:
            procs = []
        for proc in procs:
            try:
                if full:
                    info = proc.memory_full_info()
                    rss, pss = rss + info.rss, pss + info.pss
                else:
                    rss += proc.memory_info().rss
            except psutil.Error:
                pass
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)

    def _sample_until_stopped(self) -> None:
        tick = 0
        while not self._stop.is_set():
            self._sample(full=tick % self.full_every == 0)
            tick += 1
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(full=True)
