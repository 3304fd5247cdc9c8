#!/usr/bin/env bash
# `npm test`'s first step (and `npm start`'s): installs the Debian packages the war room and its
# tests need when they are missing (as root, or through sudo) — Chromium and ffmpeg for the
# browser tests, redis-server for the SMC system, whose halt is a Redis key — then links ffmpeg
# for Playwright's video recorder.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing ${need[*]} from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ffmpeg may have just arrived after `npm install` ran its postinstall: link it now.
node "$(dirname "$0")/link-ffmpeg.mjs"
