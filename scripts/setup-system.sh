#!/usr/bin/env bash
# `npm test`'s first step (and `npm start`'s): installs the Debian packages the war room and its
# tests need when they are missing (as root, or through sudo) — Chromium and ffmpeg for the
# browser tests, redis-server for the SMC system, whose halt is a Redis key, Prometheus and
# Alertmanager for the monitoring stack (monitoring/) — then links ffmpeg for Playwright's video
# recorder. The Prometheus packages enable services of their own; nothing here relies on them
# (tests and npm start run /usr/bin/prometheus and /usr/bin/prometheus-alertmanager themselves on
# ports of their own), and RUNLEVEL=1 keeps invoke-rc.d from starting them where there is no systemd.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing ${need[*]} from Debian's packages"
  $SUDO apt-get update -qq
  # The packages' services would take :9090 and :9093 where systemd runs: do not start them.
  $SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ffmpeg may have just arrived after `npm install` ran its postinstall: link it now.
node "$(dirname "$0")/link-ffmpeg.mjs"
