#!/usr/bin/env bash
# Finds a Chromium or Chrome on this machine, installing Debian's chromium when there is none.
# Never runs `playwright install`: it downloads browser builds, which fails on closed networks.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then echo "Chromium: $CHROMIUM_PATH (CHROMIUM_PATH)"; exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: fix it or unset it." >&2
  exit 1
fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if path=$(command -v "$name"); then echo "Chromium: $path"; exit 0; fi
done

if ! command -v apt-get >/dev/null; then
  echo "No Chromium or Chrome found. Install one, or set CHROMIUM_PATH to its executable." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "No Chromium found, and installing it needs root: apt-get install chromium fonts-liberation" >&2
    exit 1
  fi
fi
echo "No Chromium found: installing Debian's chromium (apt-get)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-liberation >/dev/null
command -v chromium
