#!/bin/sh
# Installs the two Debian thesauri the spinner zoo's thesaurus-file family reads (nothing derived from them
# is shipped: the zoo reads them from /usr/share at bench time). Needs root (or sudo) and the Debian archive.
set -e
if [ -f /usr/share/mythes/th_en_US_v2.dat ] && [ -d /usr/share/aiksaurus ]; then exit 0; fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get install -y --no-install-recommends mythes-en-us libaiksaurus-1.2-data
