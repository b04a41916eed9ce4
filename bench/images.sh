# The benchmark images, in one OCI layout cached in $WORK/oci, built with umoci as
# shared/anchor-bench/make-images.sh builds them: tag big = one gzip layer holding a file of
# BIG_MB MiB of random bytes (incompressible), tag warm = the same with 64 MiB.
# Source it after lib.sh.

OCI=$WORK/oci

# tagged TAG: digest of the manifest tagged TAG in the layout, empty when there is none
tagged() {
  [ -f "$OCI/index.json" ] || return 0
  jq -r --arg t "$1" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $t) | .digest' "$OCI/index.json"
}

# blob DIGEST: the file of a blob in the layout
blob() { echo "$OCI/blobs/sha256/${1#sha256:}"; }

# ensure_image TAG MIB: the layout holds TAG (one layer, one file of MIB MiB of random bytes), built once
ensure_image() {
  [ -n "$(tagged "$1")" ] && return 0
  local t=$WORK/imgbuild
  [ -f "$OCI/index.json" ] || umoci init --layout "$OCI"
  rm -rf "$t"
  umoci new --image "$OCI:$1"
  umoci unpack --image "$OCI:$1" "$t"
  head -c "$(($2 * 1024 * 1024))" /dev/urandom > "$t/rootfs/random.bin"
  umoci repack --image "$OCI:$1" "$t"
  umoci config --image "$OCI:$1" --config.cmd /bin/true --os linux --architecture amd64
  umoci gc --layout "$OCI"
  rm -rf "$t"
}
