#!/usr/bin/env bash
# Installs the Debian packages the application needs and that pip cannot install:
# WeasyPrint's Pango and HarfBuzz (reports' PDF) and the DejaVu fonts, ICU with what
# builds PyICU against it (matching transliterates names with it), plus any package
# named on the command line (CI adds chromium for the browser tests). Only the missing
# ones are installed; with nothing missing it does nothing.
set -euo pipefail

PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
    libicu-dev pkg-config g++ $*"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "Install these packages (or their equivalents) with your package manager:$missing" >&2
    exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
