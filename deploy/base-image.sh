#!/usr/bin/env bash
# Builds Berth's service base images on this machine, with no public image registry: a minimal Debian
# root filesystem from debootstrap plus a jlink'd Java runtime, as OCI images, and pushes them.
#
#   deploy/base-image.sh REGISTRY            e.g. 127.0.0.1:5000 (plain HTTP is allowed)
#
#   REGISTRY/berth/base-jre:<java>   Debian minbase + Java runtime under /opt/java/openjdk (java on PATH);
#                                    what every service's image starts from
#   REGISTRY/berth/base-node:<java>  the same plus crun, runc, conmon, the CNI plugins, iptables and the
#                                    containers seccomp profile: node-agent's base
#
# Then: ./mvnw -Pimages -DskipTests package jib:build -Dberth.image.registry=REGISTRY \
#         -Dberth.image.base=REGISTRY/berth/base-jre:<java> -Dberth.image.node-base=REGISTRY/berth/base-node:<java>
# (the last lines printed are those two -D options).
#
# Needs root, debootstrap, umoci, skopeo and a JDK >= 21 (JAVA_HOME). Idempotent: the root filesystems and
# the OCI layout are cached under BERTH_BASE_CACHE (default ~/.cache/berth/base-image) and rebuilt only when
# the JDK or SUITE changes; the push is repeated every run (skopeo skips blobs the registry has).
# Environment: JAVA_HOME, SUITE (bookworm), MIRROR (the first Debian URI of this machine's apt sources),
# BERTH_BASE_CACHE.
set -euo pipefail

registry=${1:?usage: $0 REGISTRY (host:port)}
jdk=${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}
suite=${SUITE:-bookworm}
cache=${BERTH_BASE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/berth/base-image}
node_packages=(crun runc conmon containernetworking-plugins iptables golang-github-containers-common procps)

for tool in debootstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (Debian: apt-get install $tool)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "error: debootstrap and chroot need root" >&2; exit 1; }

# the first http(s) URI of the machine's Debian apt sources (deb822 or one-line format), else deb.debian.org
default_mirror() {
  { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{ print $2 }'; } \
    | grep -v security | head -1 || true
}
mirror=${MIRROR:-$(default_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}

java_version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ { print $2 }')
java_major=${java_version%%[.+]*}
# bumped when what the script puts in the images changes, so cached root filesystems and images are rebuilt
layout_version=2
key="$suite-$java_version-$layout_version"
mkdir -p "$cache"
log() { echo "base-image: $*" >&2; }

# debootstrap --variant=minbase once per suite, kept as a tar (the slow step: 1-3 minutes)
rootfs_tar() {
  local tar=$cache/rootfs-$suite-$layout_version.tar
  if [ ! -s "$tar" ]; then
    local dir
    dir=$(mktemp -d "$cache/rootfs.XXXXXX")
    log "debootstrap --variant=minbase $suite from $mirror (once; cached in $tar)"
    debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; rm -rf "$dir"; exit 1; }
    # the user the services' images run as (1000:1000) has a name and a home: initdb (the embedded PostgreSQL of
    # a service started without a database) refuses to run as a user that /etc/passwd does not know
    chroot "$dir" groupadd --gid 1000 berth
    chroot "$dir" useradd --uid 1000 --gid 1000 --create-home --home-dir /home/berth --shell /bin/bash berth
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/*
    tar -C "$dir" --numeric-owner -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$dir"
  fi
  echo "$tar"
}

# the minbase tree with node-agent's extra packages installed in a chroot (dpkg keeps the packages' file
# times, so the whole tree is the layer rather than a diff)
node_rootfs_tar() {
  local tar=$cache/node-$suite-$layout_version.tar
  if [ ! -s "$tar" ]; then
    local dir
    dir=$(mktemp -d "$cache/node.XXXXXX")
    tar -C "$dir" -xf "$(rootfs_tar)"
    log "installing ${node_packages[*]} for node-agent's base"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    mount -t proc proc "$dir/proc"
    trap 'umount "$dir/proc" 2>/dev/null || true' RETURN
    { chroot "$dir" apt-get update -q && DEBIAN_FRONTEND=noninteractive chroot "$dir" \
        apt-get install -y -q --no-install-recommends "${node_packages[@]}"; } >"$cache/node-apt.log" 2>&1 \
      || { tail -20 "$cache/node-apt.log" >&2; exit 1; }
    umount "$dir/proc"
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/*
    : >"$dir/etc/resolv.conf"
    tar -C "$dir" --numeric-owner -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$dir"
  fi
  echo "$tar"
}

# a Java runtime with the modules Spring Boot services use, no compiler or dev tools
java_layer() {
  local tar=$cache/jre-$java_version.tar
  if [ ! -s "$tar" ]; then
    local dir modules
    dir=$(mktemp -d "$cache/jre.XXXXXX")
    modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
      | grep -E '^java\.|^jdk\.(charsets|crypto\.|httpserver|jfr|localedata|management|naming\.dns|net$|nio\.mapmode|sctp|security\.|unsupported$|zipfs)' \
      | grep -v '^java\.compiler$' | paste -sd, -)
    log "jlink $java_version: $modules"
    mkdir -p "$dir/opt/java"
    "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
      --output "$dir/opt/java/openjdk"
    tar -C "$dir" --numeric-owner --owner=0 --group=0 -cf "$tar.tmp" opt && mv "$tar.tmp" "$tar"
    rm -rf "$dir"
  fi
  echo "$tar"
}

# image NAME LAYER...: an OCI image in the cached layout, tagged NAME-KEY
image() {
  local name=$1 layout=$cache/oci
  shift
  if ! umoci stat --image "$layout:$name-$key" >/dev/null 2>&1; then
    [ -d "$layout" ] || umoci init --layout "$layout"
    umoci new --image "$layout:$name-$key"
    for layer in "$@"; do
      umoci raw add-layer --image "$layout:$name-$key" "$layer"
    done
    umoci config --image "$layout:$name-$key" --os linux --architecture amd64 \
      --config.env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      --config.env JAVA_HOME=/opt/java/openjdk --config.env LANG=C.UTF-8 \
      --config.label "org.opencontainers.image.title=berth/$name" \
      --config.label "org.opencontainers.image.version=$java_version" \
      --config.label "org.opencontainers.image.description=Debian $suite minbase with a jlink'd Java $java_version runtime" \
      --config.cmd "java" --config.cmd "-version"
    umoci gc --layout "$layout"
  fi
  log "pushing berth/$name:$java_major to $registry"
  skopeo copy -q --dest-tls-verify=false "oci:$layout:$name-$key" "docker://$registry/berth/$name:$java_major" >&2
}

image base-jre "$(rootfs_tar)" "$(java_layer)"
image base-node "$(node_rootfs_tar)" "$(java_layer)"
echo "-Dberth.image.base=$registry/berth/base-jre:$java_major"
echo "-Dberth.image.node-base=$registry/berth/base-node:$java_major"
