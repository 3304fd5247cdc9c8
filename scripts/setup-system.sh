#!/usr/bin/env bash
# `npm test`'s first step: installs the Debian packages the test suite needs when they are
# missing (as root, or through sudo), then links ffmpeg for Playwright's video recorder.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing ${need[*]} from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ffmpeg may have just arrived after `npm install` ran its postinstall: link it now.
node "$(dirname "$0")/link-ffmpeg.mjs"
