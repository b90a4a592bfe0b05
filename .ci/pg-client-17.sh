#!/usr/bin/env bash
# Puts pg_dump and pg_restore of PostgreSQL 17 (the embedded test server's major version) into
# $1/bin, for DumpRestoreTest: Debian bookworm ships only the version 15 client, so this takes
# trixie's packages, unpacks them without installing anything system-wide, and runs the tools
# through trixie's own loader and libraries. Best effort: on failure the test skips with its reason.
set -euo pipefail
target="$1"
[ -x "$target/bin/pg_dump" ] && exit 0
work=$(mktemp -d)
lists="$work/lists"
mkdir -p "$lists/partial" "$work/debs" "$target/root" "$target/bin"
cat > "$work/trixie.sources" <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
# A private apt state: the machine's own sources and lists stay as they are.
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work" -o "Dir::State::Lists=$lists"
  -o "Dir::Cache=$work/cache" -o "Debug::NoLocking=1")
mkdir -p "$work/cache/archives/partial"
apt-get "${apt_opts[@]}" update -qq 2>/dev/null
(cd "$work/debs" && apt-get "${apt_opts[@]}" download -qq postgresql-client-17 libpq5 libc6 libldap2 libssl3t64 \
  libzstd1 liblz4-1 zlib1g libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libsasl2-2 libcom-err2 \
  libkeyutils1 libgnutls30t64 libidn2-0 libunistring5 libtasn1-6 libnettle8t64 libhogweed6t64 libgmp10 libp11-kit0 \
  libffi8 libreadline8t64 libtinfo6 libedit2 libbsd0 libmd0)
for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$target/root"; done
lib="$target/root/usr/lib/x86_64-linux-gnu"
for tool in pg_dump pg_restore; do
  cat > "$target/bin/$tool" <<WRAPPER
#!/bin/sh
exec $lib/ld-linux-x86-64.so.2 --library-path $lib "$target/root/usr/lib/postgresql/17/bin/$tool" "\$@"
WRAPPER
  chmod +x "$target/bin/$tool"
done
rm -rf "$work"
"$target/bin/pg_dump" --version
