# Sourced by the scripts: settings for libguestfs on machines like ours.
# Nested KVM is broken on many CI hosts (qemu aborts or hangs); software emulation (TCG) always works. A user
# with working KVM sets LIBGUESTFS_BACKEND_SETTINGS="" to use it.
export LIBGUESTFS_BACKEND_SETTINGS="${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}"
GI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GI_ROOT
