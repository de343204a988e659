#!/usr/bin/env bash
# Installs what guest-inspect needs to build, test and run, when it is missing (Debian/Ubuntu, as root or with sudo):
# a JDK 17, Maven, libguestfs with a kernel for its appliance, qemu-img, rpm (rpmbuild makes the RPM test image), and
# chromium with chromium-driver (the HTML report's browser test).
set -euo pipefail

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v guestfish >/dev/null 2>&1 || need+=(libguestfs-tools)
command -v qemu-img >/dev/null 2>&1 || need+=(qemu-utils)
command -v rpmbuild >/dev/null 2>&1 || need+=(rpm)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v sfdisk >/dev/null 2>&1 || need+=(fdisk)
command -v mke2fs >/dev/null 2>&1 && command -v debugfs >/dev/null 2>&1 || need+=(e2fsprogs)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# pdftoppm and pdftotext read the PDF report back in its tests
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# libguestfs builds its appliance from the host kernel: one must be installed and readable.
ls /boot/vmlinuz-* >/dev/null 2>&1 || need+=(linux-image-amd64)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${need[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${need[@]}"
