#!/usr/bin/env bash
# make-test-images.sh DIR
#
# Builds real disk images for guest-inspect's tests and demo into DIR, without
# root or loop mounts, and writes DIR/manifest.json: what each image should
# inspect to, computed from the data the script put into it. DIR/hostile holds
# images whose content attacks the tool (markup and escapes in every string, a
# hostname that is not UTF-8, names with line breaks, symbolic links out of the
# root, /etc files linked to secrets, named pipes, 50,000 packages),
# DIR/load 50 small images for the load test; each has its own manifest.json.
#
# Plain ext4 images are made with `mke2fs -d` (and sfdisk for the two-partition
# disk); only the LVM images need a libguestfs appliance, and all of them are
# made in one guestfish launch, which runs in the background while the rest is
# built. If DIR/.complete holds the hash of this script and its helper, nothing
# is done. Needs: mke2fs, debugfs, sfdisk, qemu-img, rpm + rpmbuild, guestfish, python3,
# flock, timeout. LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (nested KVM
# hangs on the project's machines); set it (even to "") to override.
set -euo pipefail
shopt -s inherit_errexit

readonly APPLIANCE_TIMEOUT=600
readonly CLONE_UUID=0b1e7a5e-c10e-4d15-9a7e-5ca1ab1e0001

die() { echo "make-test-images: $*" >&2; exit 1; }
say() { echo "make-test-images: $*"; }

[[ $# -eq 1 && -n $1 ]] || { echo "usage: $0 DIR" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF=$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")
HELPER=$SCRIPT_DIR/lib/test-images.py
[[ -f $HELPER ]] || die "missing helper $HELPER"
STAMP=$(cat "$SELF" "$HELPER" | sha256sum | cut -d' ' -f1)

mkdir -p "$1"
DIR=$(cd "$1" && pwd)

is_complete() { [[ -f $DIR/.complete && "$(<"$DIR/.complete")" == "$STAMP" ]]; }
if is_complete; then
  say "$DIR is up to date"
  exit 0
fi

# One builder per DIR at a time; whoever waited finds the work done.
exec 9>"$DIR/.lock"
flock 9
if is_complete; then
  say "$DIR is up to date"
  exit 0
fi

for tool in mke2fs debugfs sfdisk qemu-img rpm rpmbuild guestfish python3 timeout; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
HOST_STATUS=${GI_DPKG_STATUS:-/var/lib/dpkg/status}
[[ -r $HOST_STATUS ]] || die "cannot read $HOST_STATUS (set GI_DPKG_STATUS to a dpkg status file)"
LS_BIN=/bin/ls
[[ -f $LS_BIN ]] || LS_BIN=$(command -v ls)

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}

IMAGES=(debian12.qcow2 debian12-small.raw debian12.vmdk clone-a.qcow2 clone-b.qcow2
  alpine.qcow2 fedora39.qcow2 lvm-a.qcow2 lvm-b.qcow2 lvm-c.qcow2 multi-os.qcow2
  no-os.qcow2 manifest.json)

rm -f "$DIR/.complete"
for f in "${IMAGES[@]}"; do rm -f "${DIR:?}/$f"; done
rm -rf "${DIR:?}/broken" "${DIR:?}/hostile" "${DIR:?}/load" "${DIR:?}/.work"

W=$DIR/.work
OUT=$W/out
mkdir -p "$W/roots" "$W/tmp/hostile" "$W/tmp/load" "$OUT/broken" "$OUT/hostile" "$OUT/load"
SPEC=$W/manifest.tsv
SPEC_HOSTILE=$W/manifest-hostile.tsv
SPEC_LOAD=$W/manifest-load.tsv
: >"$SPEC"
: >"$SPEC_HOSTILE"
: >"$SPEC_LOAD"

GF_PID=
cleanup() {
  local rc=$?
  if [[ -n $GF_PID ]] && kill -0 "$GF_PID" 2>/dev/null; then
    kill "$GF_PID" 2>/dev/null || true
    wait "$GF_PID" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 ]]; then
    echo "make-test-images: FAILED (rc=$rc); work files kept in $W" >&2
  fi
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
T0=$(now)

# ---------------------------------------------------------------- roots

# base_root ROOT HOSTNAME FSTAB-LINE: what every Linux root needs for libguestfs
# to count it as one (etc/, bin/ with a real ELF for the architecture, fstab).
base_root() {
  local root=$1
  mkdir -p "$root/etc" "$root/bin" "$root/root" "$root/tmp"
  cp "$LS_BIN" "$root/bin/ls"
  echo "$2" >"$root/etc/hostname"
  echo "$3" >"$root/etc/fstab"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$2" >"$root/etc/hosts"
}

# debian_root NAME HOSTNAME FSTAB-LINE STANZA-SELECTION...: prints the root dir
debian_root() {
  local root=$W/roots/$1 host=$2 fstab=$3
  shift 3
  base_root "$root" "$host" "$fstab"
  cat >"$root/etc/os-release" <<'EOF'
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
EOF
  echo 12.11 >"$root/etc/debian_version"
  mkdir -p "$root/var/lib/dpkg" "$root/usr/bin"
  python3 "$HELPER" stanzas "$HOST_STATUS" "$root/var/lib/dpkg/status" "$@"
  echo "$root"
}

# Two installed fake packages, so that an epoch and a tilde version are certain.
cat >"$W/extra-stanzas" <<'EOF'
Package: gi-epoch-pkg
Status: install ok installed
Priority: optional
Section: misc
Installed-Size: 4
Maintainer: guest-inspect tests <tests@guest-inspect.invalid>
Architecture: amd64
Version: 2:1.5-3
Description: guest-inspect test package with an epoch
 Installed only in the debian12 test image.

Package: gi-tilde-pkg
Status: install ok installed
Priority: optional
Section: misc
Installed-Size: 4
Maintainer: guest-inspect tests <tests@guest-inspect.invalid>
Architecture: all
Version: 1.0~rc1-1
Description: guest-inspect test package with a tilde version
 Installed only in the debian12 test image.
EOF

# ---------------------------------------------------------------- image helpers

spec() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$SPEC"; }
spec_hostile() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$SPEC_HOSTILE"; }
spec_load() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$SPEC_LOAD"; }

# ext4_image ROOT FILE FORMAT SIZE [UUID [DEBUGFS-SCRIPT]]: an ext4 filesystem over the whole disk; the debugfs
# script, if any, then edits it (device nodes, which only root could make in ROOT).
ext4_image() {
  local root=$1 file=$2 format=$3 size=$4 uuid=${5:-} edits=${6:-}
  local raw=$W/tmp/$file.raw
  local opts=(-q -F -t ext4 -E root_owner=0:0 -d "$root")
  [[ -n $uuid ]] && opts+=(-U "$uuid")
  truncate -s "$size" "$raw"
  mke2fs "${opts[@]}" "$raw" </dev/null
  if [[ -n $edits ]]; then
    debugfs -w -f "$edits" "$raw" >"$W/tmp/debugfs.log" 2>&1 || { cat "$W/tmp/debugfs.log" >&2; die "debugfs failed"; }
  fi
  if [[ $format == raw ]]; then
    mv "$raw" "$OUT/$file"
  else
    qemu-img convert -f raw -O "$format" "$raw" "$OUT/$file"
    rm -f "$raw"
  fi
  say "made $file ($format, $size)"
}

# ---------------------------------------------------------------- appliance part (LVM)
# Started first, in the background: it takes ~40-60 s under TCG.

LVM_ROOT_A=$(debian_root lvm-a lvm-a '/dev/vg0/root / ext4 defaults 0 1' --every 4)
LVM_ROOT_B=$(debian_root lvm-b lvm-b '/dev/vg0/root / ext4 defaults 0 1' --every 7)
LVM_ROOT_C=$(debian_root lvm-c lvm-c '/dev/vgthree/root / ext4 defaults 0 1' --every 6)

for img in lvm-a lvm-b lvm-c; do
  qemu-img create -q -f qcow2 "$W/tmp/$img.qcow2" 256M
  tar --numeric-owner --owner=0 --group=0 -C "$W/roots/$img" -cf "$W/tmp/$img.tar" .
done
GF_SCRIPT=$W/lvm.fish
{
  echo "# generated by make-test-images.sh"
  drives=(sda sdb sdc)
  i=0
  for img in lvm-a lvm-b lvm-c; do
    echo "add $W/tmp/$img.qcow2 format:qcow2"
  done
  echo "run"
  # Both lvm-a and lvm-b use VG vg0: build each with LVM filtered to its own
  # PV, so that the appliance never sees two VGs of the same name.
  for img in lvm-a lvm-b lvm-c; do
    dev=/dev/${drives[$i]}
    vg=vg0
    [[ $img == lvm-c ]] && vg=vgthree
    cat <<EOF
part-disk $dev mbr
part-set-mbr-id $dev 1 0x8e
lvm-set-filter ${dev}1
pvcreate ${dev}1
vgcreate $vg ${dev}1
lvcreate-free root $vg 100
mkfs ext4 /dev/$vg/root
mount /dev/$vg/root /
tar-in $W/tmp/$img.tar /
umount-all
vg-activate false $vg
EOF
    i=$((i + 1))
  done
  echo "sync"
} >"$GF_SCRIPT"

T_GF=$(now)
LIBGUESTFS_TMPDIR=$W/tmp timeout "$APPLIANCE_TIMEOUT" guestfish -f "$GF_SCRIPT" >"$W/guestfish.log" 2>&1 &
GF_PID=$!

# ---------------------------------------------------------------- plain images

T_PLAIN=$(now)

# 1. debian12.qcow2: the host's whole dpkg database plus the two fake packages.
R=$(debian_root debian12 deb-golden '/dev/sda / ext4 defaults 0 1' --append "$W/extra-stanzas")
printf '%s\n' 4f2a9c1e7b3d4e5f8a6b0c1d2e3f4a5b >"$R/etc/machine-id"
printf 'apt-get update\nsudo systemctl restart ssh\n' >"$R/root/.bash_history"
mkdir -p "$R/etc/ssh" "$R/lib/modules/6.1.0-18-amd64/kernel" "$R/boot"
printf 'dummy ssh host key for guest-inspect tests, not a real key\n' >"$R/etc/ssh/ssh_host_ed25519_key"
chmod 600 "$R/etc/ssh/ssh_host_ed25519_key"
# a password hash baked into a golden image (root), an empty password (guest), a locked and a disabled account
printf '%s\n' 'root:$6$gitest$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ:19700:0:99999:7:::' \
  'daemon:*:19700:0:99999:7:::' 'guest::19700:0:99999:7:::' 'locked:!$6$x$y:19700:0:99999:7:::' >"$R/etc/shadow"
chmod 640 "$R/etc/shadow"
printf 'dummy ssh host key for guest-inspect tests\n' >"$R/etc/ssh/ssh_host_ed25519_key.pub"
: >"$R/lib/modules/6.1.0-18-amd64/modules.dep"
printf 'dummy kernel image\n' >"$R/boot/vmlinuz-6.1.0-18-amd64"
ext4_image "$R" debian12.qcow2 qcow2 512M
spec debian12.qcow2 qcow2 INSPECTED - "$R"

# 2. debian12-small.raw: the first 150 stanzas.
R=$(debian_root debian12-small deb-small '/dev/sda / ext4 defaults 0 1' --first 150)
ext4_image "$R" debian12-small.raw raw 64M
spec debian12-small.raw raw INSPECTED - "$R"

# 3. debian12.vmdk: every 3rd stanza.
R=$(debian_root debian12-vmdk deb-vmdk '/dev/sda / ext4 defaults 0 1' --every 3)
ext4_image "$R" debian12.vmdk vmdk 128M
spec debian12.vmdk vmdk INSPECTED - "$R"

# 4. clone-a / clone-b: one filesystem UUID, different packages.
R=$(debian_root clone-a clone-a "UUID=$CLONE_UUID / ext4 defaults 0 1" --every 2)
ext4_image "$R" clone-a.qcow2 qcow2 128M "$CLONE_UUID"
spec clone-a.qcow2 qcow2 INSPECTED - "$R"
R=$(debian_root clone-b clone-b "UUID=$CLONE_UUID / ext4 defaults 0 1" --every 5)
ext4_image "$R" clone-b.qcow2 qcow2 128M "$CLONE_UUID"
spec clone-b.qcow2 qcow2 INSPECTED - "$R"

# 5. alpine.qcow2: Alpine 3.19 with an apk database.
R=$W/roots/alpine
base_root "$R" alpine-golden '/dev/sda / ext4 rw,relatime 0 1'
echo 3.19.1 >"$R/etc/alpine-release"
cat >"$R/etc/os-release" <<'EOF'
NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.19.1
PRETTY_NAME="Alpine Linux v3.19"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
EOF
mkdir -p "$R/lib/apk/db"
apk_record() { # name version checksum license url description
  printf 'C:%s\nP:%s\nV:%s\nA:x86_64\nS:100000\nI:200000\nT:%s\nU:%s\nL:%s\no:%s\n\n' \
    "$3" "$1" "$2" "$6" "$5" "$4" "$1"
}
{
  apk_record musl 1.2.4_git20230717-r4 Q1pnXmBGfnIwxlVu3MG+SMeJRp9aM= MIT https://musl.libc.org/ \
    'the musl c library (libc) implementation'
  apk_record busybox 1.36.1-r15 Q1LxBvJ/ofKKik4CrrENc7ePnJsko= GPL-2.0-only https://busybox.net/ \
    'Size optimized toolbox of many common UNIX utilities'
  apk_record alpine-baselayout 3.4.3-r2 Q1MribE+u5tZTbMdB1Rg0n1en4WuE= GPL-2.0-only \
    https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout 'Alpine base dir structure and init scripts'
  apk_record alpine-keys 2.4-r1 Q19N2jJQDsC540sC9uH3ulXOEq7x0= MIT https://alpinelinux.org \
    'Public keys for Alpine Linux packages'
  apk_record apk-tools 2.14.0-r5 Q16NnT0SupT1kVQvzqRiKeAQovE4c= GPL-2.0-only \
    https://gitlab.alpinelinux.org/alpine/apk-tools 'Alpine Package Keeper - package manager for alpine'
  apk_record libcrypto3 3.1.4-r5 Q1Da1/Qns4JYpZf1XjoaPx7JFlQIk= Apache-2.0 https://www.openssl.org/ \
    'Crypto library from openssl'
  apk_record libssl3 3.1.4-r5 Q1/f0JRaw6RbyqCk0TseLIVuUqHTQ= Apache-2.0 https://www.openssl.org/ \
    'SSL shared libraries'
  apk_record openssl 3.1.4-r5 Q1yJj6HnImQnAQ4ymXHoLGafjYq7Q= Apache-2.0 https://www.openssl.org/ \
    'Toolkit for Transport Layer Security (TLS)'
  apk_record zlib 1.3.1-r0 Q1V5aPEnmHZ65dqLFaDDg6150PM4s= Zlib https://zlib.net/ \
    'A compression/decompression Library'
} >"$R/lib/apk/db/installed"
ext4_image "$R" alpine.qcow2 qcow2 64M
spec alpine.qcow2 qcow2 INSPECTED - "$R"

# 6. fedora39.qcow2: a real sqlite rpmdb made from four tiny packages.
R=$W/roots/fedora39
base_root "$R" fedora-golden '/dev/sda / ext4 defaults 1 1'
echo 'Fedora release 39 (Thirty Nine)' >"$R/etc/fedora-release"
ln -s fedora-release "$R/etc/redhat-release"
ln -s fedora-release "$R/etc/system-release"
cat >"$R/etc/os-release" <<'EOF'
NAME="Fedora Linux"
VERSION="39 (Thirty Nine)"
ID=fedora
VERSION_ID=39
VERSION_CODENAME=""
PLATFORM_ID="platform:f39"
PRETTY_NAME="Fedora Linux 39 (Thirty Nine)"
ANSI_COLOR="0;38;2;60;110;180"
CPE_NAME="cpe:/o:fedoraproject:fedora:39"
HOME_URL="https://fedoraproject.org/"
EOF
# librpm inside the appliance chroots into the guest and needs an rpmrc and a dbpath.
mkdir -p "$R/usr/lib/rpm" "$R/etc/rpm" "$R/var/lib/rpm" "$R/usr/bin"
: >"$R/usr/lib/rpm/rpmrc"
printf '%%_dbpath /var/lib/rpm\n%%_db_backend sqlite\n' >"$R/etc/rpm/macros"
RPMTOP=$W/rpmbuild
mkdir -p "$RPMTOP/SPECS"
tiny_spec() { # name epoch-or-empty version release arch-or-empty
  {
    echo "Name: $1"
    [[ -n $2 ]] && echo "Epoch: $2"
    echo "Version: $3"
    echo "Release: $4"
    echo "Summary: tiny $1 package for guest-inspect tests"
    echo "License: MIT"
    echo "URL: https://example.invalid/$1"
    [[ -n $5 ]] && echo "BuildArch: $5"
    printf '%%description\nTiny %s package for guest-inspect tests.\n%%files\n' "$1"
  } >"$RPMTOP/SPECS/$1.spec"
}
tiny_spec tinyalpha 2 1.2.3 4.fc39 noarch
tiny_spec tinybeta '' 0.9 1.fc39 ''
tiny_spec tinygamma 1 20240101 7.el9_3 noarch
tiny_spec openssl 1 3.1.1 4.fc39 ''
for s in "$RPMTOP"/SPECS/*.spec; do
  rpmbuild -bb --quiet --define "_topdir $RPMTOP" "$s" >"$W/rpmbuild.log" 2>&1 \
    || { cat "$W/rpmbuild.log" >&2; die "rpmbuild $s failed"; }
done
rpm --define '_db_backend sqlite' --initdb --dbpath "$R/var/lib/rpm"
rpm --define '_db_backend sqlite' -i --justdb --nodeps --noscripts --notriggers --ignorearch \
  --ignoreos --dbpath "$R/var/lib/rpm" "$RPMTOP"/RPMS/*/*.rpm >"$W/rpm.log" 2>&1 \
  || { cat "$W/rpm.log" >&2; die "rpm --justdb failed"; }
# rpm leaves the database in WAL mode; librpm in the appliance cannot open that on
# a read-only mount once -shm/-wal are gone ("unable to open database file").
python3 "$HELPER" rollback-journal "$R/var/lib/rpm/rpmdb.sqlite"
rm -f "$R/var/lib/rpm/rpmdb.sqlite-shm" "$R/var/lib/rpm/rpmdb.sqlite-wal" "$R/var/lib/rpm/.rpm.lock"
ext4_image "$R" fedora39.qcow2 qcow2 64M
spec fedora39.qcow2 qcow2 INSPECTED - "$R"

# 7. lvm-a / lvm-b / lvm-c: made by the appliance above.
spec lvm-a.qcow2 qcow2 INSPECTED - "$LVM_ROOT_A"
spec lvm-b.qcow2 qcow2 INSPECTED - "$LVM_ROOT_B"
spec lvm-c.qcow2 qcow2 INSPECTED - "$LVM_ROOT_C"

# 8. multi-os.qcow2: one MBR disk, two ext4 partitions, a Debian root in each.
R1=$(debian_root multi-one multi-one '/dev/sda1 / ext4 defaults 0 1' --every 8)
R2=$(debian_root multi-two multi-two '/dev/sda2 / ext4 defaults 0 1' --every 9)
RAW=$W/tmp/multi-os.raw
P1_START=2048 P1_SECTORS=260096 P2_START=262144 P2_SECTORS=262144 # 127 MiB + 128 MiB
truncate -s $(((P2_START + P2_SECTORS) * 512)) "$RAW"
printf 'label: dos\nlabel-id: 0x6d756c74\nstart=%d, size=%d, type=83\nstart=%d, size=%d, type=83\n' \
  "$P1_START" "$P1_SECTORS" "$P2_START" "$P2_SECTORS" | sfdisk -q "$RAW" >/dev/null
mke2fs -q -F -t ext4 -E root_owner=0:0,offset=$((P1_START * 512)) -d "$R1" "$RAW" $((P1_SECTORS / 2))k </dev/null
mke2fs -q -F -t ext4 -E root_owner=0:0,offset=$((P2_START * 512)) -d "$R2" "$RAW" $((P2_SECTORS / 2))k </dev/null
qemu-img convert -f raw -O qcow2 "$RAW" "$OUT/multi-os.qcow2"
rm -f "$RAW"
say "made multi-os.qcow2 (qcow2, 256M, 2 partitions)"
spec multi-os.qcow2 qcow2 INSPECTED - "$R1,$R2"

# 9. no-os.qcow2: an ext4 with a few plain files.
R=$W/roots/no-os
mkdir -p "$R/docs" "$R/data"
printf 'This filesystem holds data only; there is no operating system here.\n' >"$R/README.txt"
printf 'id,value\n1,alpha\n2,beta\n3,gamma\n' >"$R/data/values.csv"
printf 'notes for guest-inspect tests\n' >"$R/docs/notes.txt"
ext4_image "$R" no-os.qcow2 qcow2 32M
spec no-os.qcow2 qcow2 NO_OS_FOUND - -

# 10. broken inputs (backing-image is made once debian12.qcow2 is in its place)
: >"$OUT/broken/zero.qcow2"
printf 'This is a text file, not a disk image.\nguest-inspect must refuse it.\n' >"$OUT/broken/text.qcow2"
TRAW=$W/tmp/trunc.raw
truncate -s 8M "$TRAW"
head -c 3M /dev/urandom | dd of="$TRAW" conv=notrunc status=none
qemu-img convert -f raw -O qcow2 "$TRAW" "$W/tmp/trunc.qcow2"
[[ $(stat -c %s "$W/tmp/trunc.qcow2") -ge 2000000 ]] || die "source for truncated.qcow2 is too small"
head -c 1000000 "$W/tmp/trunc.qcow2" >"$OUT/broken/truncated.qcow2"
rm -f "$TRAW" "$W/tmp/trunc.qcow2"
qemu-img create -q -f qcow2 -u -b /etc/shadow -F raw "$OUT/broken/backing-shadow.qcow2" 64M
for b in zero text truncated backing-shadow; do say "made broken/$b.qcow2"; done
# VMDK descriptors whose extent leaves the directory: a host file, a path up, a link beside it to a host file.
vmdk_descriptor() { # EXTENT
  printf '# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType="monolithicFlat"\n\n'
  printf '# Extent description\nRW 2048 FLAT "%s" 0\n\n# The Disk Data Base\n#DDB\n\n' "$1"
  printf 'ddb.virtualHWVersion = "4"\nddb.geometry.cylinders = "2"\nddb.geometry.heads = "16"\n'
  printf 'ddb.geometry.sectors = "63"\nddb.adapterType = "ide"\n'
}
vmdk_descriptor /etc/shadow >"$OUT/broken/extent-absolute.vmdk"
vmdk_descriptor ../debian12-small.raw >"$OUT/broken/extent-parent.vmdk"
vmdk_descriptor extent-link.bin >"$OUT/broken/extent-link.vmdk"
ln -s /etc/shadow "$OUT/broken/extent-link.bin"
for b in extent-absolute extent-parent extent-link; do say "made broken/$b.vmdk"; done
spec broken/zero.qcow2 qcow2 FAILED NOT_A_DISK_IMAGE -
spec broken/text.qcow2 qcow2 FAILED NOT_A_DISK_IMAGE -
spec broken/truncated.qcow2 qcow2 FAILED CORRUPT -
spec broken/backing-shadow.qcow2 qcow2 FAILED REFUSED -
spec broken/backing-image.qcow2 qcow2 FAILED REFUSED -
spec broken/extent-absolute.vmdk vmdk FAILED REFUSED -
spec broken/extent-parent.vmdk vmdk FAILED REFUSED -
spec broken/extent-link.vmdk vmdk FAILED REFUSED -

# 11. hostile/: content that attacks the tool (see lib/test-images.py, "hostile").
R=$(debian_root hostile-text hostile-text '/dev/sda / ext4 defaults 0 1' --first 1)
python3 "$HELPER" hostile "$R" text
ext4_image "$R" hostile/hostile-text.qcow2 qcow2 32M
spec_hostile hostile-text.qcow2 qcow2 INSPECTED - "$R"
R=$(debian_root hostile-latin1 hostile-latin1 '/dev/sda / ext4 defaults 0 1' --first 1)
python3 "$HELPER" hostile "$R" latin1
ext4_image "$R" hostile/hostile-latin1.qcow2 qcow2 32M
spec_hostile hostile-latin1.qcow2 qcow2 INSPECTED - "$R"

# secret-links.qcow2: /etc files that lead to secrets or would hang a reader (see lib/test-images.py, "secrets"),
# and centos-release a block device node of the appliance's first disk (another image of the batch).
R=$(debian_root secret-links secret-links '/dev/sda / ext4 defaults 0 1' --first 3)
python3 "$HELPER" hostile "$R" secrets
printf 'cd /etc\nmknod centos-release b 8 0\nsif centos-release mode 060644\n' >"$W/tmp/secret-links.debugfs"
ext4_image "$R" hostile/secret-links.qcow2 qcow2 32M "" "$W/tmp/secret-links.debugfs"
spec_hostile secret-links.qcow2 qcow2 INSPECTED - "$R"

# links.qcow2: symbolic links that point out of the root, for the file rules (which must never follow them).
# In the guest: /etc/machine-id points up past the root to itself (a loop if followed); /root/.bash_history to
# /etc/shadow; the SSH host key to a host path; /home/escape up past the root (the guest's / seen from inside);
# alice's history up and into /root; /home/loop to itself. alice's authorized_keys is a real file, for contrast.
R=$(debian_root links links '/dev/sda / ext4 defaults 0 1' --first 5)
mkdir -p "$R/etc/ssh" "$R/home/alice/.ssh"
ln -s ../../../../../../../../etc/machine-id "$R/etc/machine-id"
ln -s /etc/shadow "$R/root/.bash_history"
ln -s /host/etc/ssh/ssh_host_rsa_key "$R/etc/ssh/ssh_host_rsa_key"
ln -s ../../../../../.. "$R/home/escape"
ln -s ../../../../../../root/.bash_history "$R/home/alice/.bash_history"
ln -s loop "$R/home/loop"
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0ZXN0 alice\n' >"$R/home/alice/.ssh/authorized_keys"
printf '%s\n' 'root:$6$gitest$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ:19700:0:99999:7:::' >"$R/etc/shadow"
ext4_image "$R" hostile/links.qcow2 qcow2 32M
spec_hostile links.qcow2 qcow2 INSPECTED - "$R"

# 50,000 packages: a dpkg status (about 13 MB) and an apk database (about 6 MB), made up.
R=$(debian_root packages-50k packages-50k '/dev/sda / ext4 defaults 0 1' --first 1)
python3 "$HELPER" synth-dpkg "$R/var/lib/dpkg/status" 50000
ext4_image "$R" hostile/packages-50k.qcow2 qcow2 64M
spec_hostile packages-50k.qcow2 qcow2 INSPECTED - "$R"
R=$W/roots/apk-50k
base_root "$R" apk-50k '/dev/sda / ext4 rw,relatime 0 1'
printf 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n' >"$R/etc/os-release"
mkdir -p "$R/lib/apk/db"
python3 "$HELPER" synth-apk "$R/lib/apk/db/installed" 50000
ext4_image "$R" hostile/apk-50k.qcow2 qcow2 64M
spec_hostile apk-50k.qcow2 qcow2 INSPECTED - "$R"

# 12. load/: 50 small Debian images (3-19 made-up packages each), for the load test.
for i in $(seq -w 1 50); do
  R=$W/roots/load-$i
  base_root "$R" "load-$i" '/dev/sda / ext4 defaults 0 1'
  printf 'NAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n' \
    >"$R/etc/os-release"
  mkdir -p "$R/var/lib/dpkg"
  python3 "$HELPER" synth-dpkg "$R/var/lib/dpkg/status" $((3 + 10#$i % 17))
  ext4_image "$R" "load/load-$i.qcow2" qcow2 8M >/dev/null
  spec_load "load-$i.qcow2" qcow2 INSPECTED - "$R"
done
say "made load/load-01.qcow2 ... load/load-50.qcow2"

say "plain images built in $(elapsed "$T_PLAIN") s"

# ---------------------------------------------------------------- finish the LVM part

say "waiting for the guestfish appliance (LVM images, timeout ${APPLIANCE_TIMEOUT} s) ..."
GF_RC=0
wait "$GF_PID" || GF_RC=$?
GF_PID=
if [[ $GF_RC -ne 0 ]]; then
  cat "$W/guestfish.log" >&2
  [[ $GF_RC -eq 124 ]] && die "guestfish timed out after ${APPLIANCE_TIMEOUT} s"
  die "guestfish failed (rc=$GF_RC)"
fi
for img in lvm-a lvm-b lvm-c; do
  qemu-img convert -f qcow2 -O qcow2 "$W/tmp/$img.qcow2" "$OUT/$img.qcow2"
  rm -f "$W/tmp/$img.qcow2" "$W/tmp/$img.tar"
  say "made $img.qcow2 (qcow2, 256M, LVM)"
done
say "appliance part took $(elapsed "$T_GF") s"

# ---------------------------------------------------------------- install into DIR

python3 "$HELPER" manifest "$SPEC" "$W/manifest.json"
python3 "$HELPER" manifest "$SPEC_HOSTILE" "$OUT/hostile/manifest.json"
python3 "$HELPER" manifest "$SPEC_LOAD" "$OUT/load/manifest.json"
mkdir -p "$DIR/broken" "$DIR/hostile" "$DIR/load"
for f in "$OUT"/*; do
  if [[ -f $f ]]; then mv "$f" "$DIR/"; fi
done
mv "$OUT"/broken/* "$DIR/broken/"
mv "$OUT"/hostile/* "$DIR/hostile/"
mv "$OUT"/load/* "$DIR/load/"
qemu-img create -q -f qcow2 -b "$DIR/debian12.qcow2" -F qcow2 "$DIR/broken/backing-image.qcow2"
say "made broken/backing-image.qcow2"
mv "$W/manifest.json" "$DIR/manifest.json"
say "wrote manifest.json"
rm -rf "$W"
echo "$STAMP" >"$DIR/.complete"
say "done in $(elapsed "$T0") s: $DIR"
