#!/usr/bin/env bash
# Builds OCI images of the services on this machine, without a registry or a base image: a
# self-contained `dotnet publish` plus the few runtime files it needs, copied from this (Debian) host
# into an image FROM scratch, built with podman (or buildah).
#
#   tools/images/build.sh [--tag TAG] [--archive DIR] [SERVICE...]
#
#   SERVICE    measures, reporting, gateway, audits, surveys, casereviews (default: the first three; a service whose project does not
#              build is reported and the others still built, exit status 1)
#   --tag      image tag (default: dev) -> localhost/safeguarding/SERVICE:TAG
#   --archive  also write DIR/SERVICE.oci.tar (podman save --format oci-archive), e.g. for
#              `kind load image-archive` or `k3d image import`
#
# The image: /app (the publish output, root-owned), glibc and the dynamic loader, libstdc++,
# libgcc_s, libz, libssl/libcrypto (the runtime dlopens them), CA certificates, /etc/passwd and
# /etc/group entries for the non-root user 10001, and an empty /tmp (mode 1777; a tmpfs or emptyDir
# with a read-only root). No shell, no package manager, no ICU (InvariantGlobalization), no tzdata
# (times are UTC). The Dockerfiles next to the projects build the same publish on a chiseled
# runtime-deps base where a registry is available.
#
# Why self-contained and untrimmed rather than Native AOT or trimmed: the platform binds gRPC services
# from proto descriptors and handlers by reflection, EF Core builds its model by reflection, and
# configuration binding and YamlDotNet are reflection-based; trimming or AOT would remove code those
# paths need at run time, and the warnings are errors in this repository. See
# docs/adr/0007-kustomize-not-helm.md ("Images").
#
# Reporting is built without PDF (PlaywrightPlatform=none; Reporting:Pdf:Enabled=false): Chromium is
# not copied from the host. For PDF use the Dockerfile's "pdf" target.
set -Eeuo pipefail
trap 'echo "build.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/../.." && pwd)
tag=dev
archive=""
services=()
while (($#)); do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --archive) archive=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) services+=("$1"); shift ;;
  esac
done
((${#services[@]})) || services=(measures reporting gateway)

project_of() {
  case "$1" in
    measures) echo services/Measures/Safeguarding.Measures.csproj ;;
    reporting) echo services/Reporting/Safeguarding.Reporting.csproj ;;
    audits) echo services/Audits/Safeguarding.Audits.csproj ;;
    surveys) echo services/Surveys/Safeguarding.Surveys.csproj ;;
    casereviews) echo services/CaseReviews/Safeguarding.CaseReviews.csproj ;;
    gateway) echo gateway/Safeguarding.Gateway/Safeguarding.Gateway.csproj ;;
    *) return 1 ;;
  esac
}

if command -v podman >/dev/null 2>&1; then
  builder=(podman build)
elif command -v buildah >/dev/null 2>&1; then
  builder=(buildah bud)
else
  echo "neither podman nor buildah is installed (Debian: apt-get install -y podman buildah runc)" >&2
  exit 1
fi

arch=$(uname -m)
case "$arch" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "unsupported architecture $arch" >&2; exit 1 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/safeguarding-images.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Copies a host file to the same path under the root, following symlinks (the image gets real files).
copy_file() {
  local source=$1 rootfs=$2
  [[ -e "$rootfs$source" ]] && return 0
  mkdir -p "$rootfs$(dirname "$source")"
  cp -L "$source" "$rootfs$source"
}

# The shared libraries a file needs, as ldd resolves them here (absolute paths only).
libraries_of() {
  ldd "$1" 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(0x/ { print $1 }' || true
}

# The OS part of the image: identical for every service, so with --timestamp it is one shared layer.
make_os_root() {
  local rootfs=$1 app=$2
  mkdir -p "$rootfs"/{etc/ssl/certs,usr/lib/ssl,tmp}
  chmod 1777 "$rootfs/tmp"
  local wanted=()
  # The apphost and every native library of the runtime and the packages (libcoreclr, libclrjit,
  # libSystem.*.Native, libe_sqlite3...), then what the runtime dlopens by name.
  while IFS= read -r -d '' file; do
    wanted+=("$file")
  done < <(find "$app" -maxdepth 1 -type f \( -name '*.so' -o -perm -u+x \) -print0)
  local extra
  for extra in libssl.so.3 libcrypto.so.3 libz.so.1 libstdc++.so.6 libgcc_s.so.1; do
    local path
    path=$(ldconfig -p | awk -v name="$extra" '$1 == name && /x86-64|AArch64/ { print $NF; exit }')
    if [[ -z "$path" ]]; then
      echo "host library $extra not found (Debian: libssl3, zlib1g, libstdc++6, libgcc-s1)" >&2
      return 1
    fi
    wanted+=("$path")
  done
  local -A seen=()
  local queue=("${wanted[@]}")
  while ((${#queue[@]})); do
    local file=${queue[0]}
    queue=("${queue[@]:1}")
    local lib
    if [[ "$file" != "$app"/* && -z "${seen[$file]:-}" ]]; then
      seen[$file]=1
      copy_file "$file" "$rootfs"
    fi
    for lib in $(libraries_of "$file"); do
      if [[ -z "${seen[$lib]:-}" ]]; then
        seen[$lib]=1
        # Libraries of the publish output itself (found through $ORIGIN) are already in /app.
        [[ "$lib" == "$app"/* ]] || copy_file "$lib" "$rootfs"
        queue+=("$lib")
      fi
    done
  done
  # liblttng-ust is optional: only libcoreclrtraceptprovider.so wants it, and the runtime goes on without it.
  local missing
  missing=$(find "$app" -maxdepth 1 -type f -name '*.so' -exec ldd {} \; 2>/dev/null | grep 'not found' | grep -v liblttng | sort -u || true)
  if [[ -n "$missing" ]]; then
    echo "warning: libraries not found on this host (the code paths that load them will fail):" >&2
    echo "$missing" >&2
  fi

  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  ln -s /etc/ssl/certs "$rootfs/usr/lib/ssl/certs"
  ln -s /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:10001:10001:app:/tmp:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:10001:\n' > "$rootfs/etc/group"
  printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
  find "$rootfs" -type d -exec chmod go+rx {} +
  find "$rootfs" -type f -exec chmod go+r {} +
}

status=0
for service in "${services[@]}"; do
  project=$(project_of "$service") || { echo "unknown service '$service' (measures, reporting, gateway, audits, surveys, casereviews)" >&2; exit 2; }
  assembly=$(basename "$project" .csproj)
  image="localhost/safeguarding/$service:$tag"
  dir="$work/$service"
  mkdir -p "$dir"
  echo "== $service: dotnet publish ($rid, self-contained, untrimmed)"
  # --artifacts-path keeps the RID-specific build out of the shared bin/ and obj/ folders.
  if ! dotnet publish "$root/$project" -c Release -r "$rid" --self-contained true \
      -p:PublishTrimmed=false -p:PublishAot=false -p:InvariantGlobalization=true \
      -p:PlaywrightPlatform=none \
      --artifacts-path "$work/artifacts" -o "$dir/app" -nologo -v quiet > "$dir/publish.log" 2>&1; then
    echo "!! $service did not publish; last lines of the build log:" >&2
    grep -E 'error|Error' "$dir/publish.log" | tail -n 15 >&2 || tail -n 15 "$dir/publish.log" >&2
    status=1
    continue
  fi
  chmod -R go+rX "$dir/app"

  echo "== $service: image $image"
  make_os_root "$dir/os" "$dir/app"
  cat > "$dir/Containerfile" <<EOF
FROM scratch
COPY os/ /
COPY app/ /app/
ENV Endpoints__Address=0.0.0.0 \\
    Endpoints__GrpcPort=5000 \\
    Endpoints__HttpPort=8080 \\
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true \\
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \\
    SSL_CERT_DIR=/etc/ssl/certs \\
    TMPDIR=/tmp \\
    HOME=/tmp
WORKDIR /app
USER 10001:10001
EXPOSE 5000 8080
LABEL org.opencontainers.image.title="safeguarding-$service" \\
      org.opencontainers.image.description="Safeguarding Platform $service service (self-contained .NET, FROM scratch)"
ENTRYPOINT ["/app/$assembly"]
EOF
  # --timestamp 0: reproducible layers, so the identical OS layer is stored once for all services.
  "${builder[@]}" --timestamp 0 -f "$dir/Containerfile" -t "$image" "$dir" > "$dir/build.log" 2>&1 || {
    cat "$dir/build.log" >&2
    status=1
    continue
  }
  if [[ ${builder[0]} == podman ]]; then
    size=$(podman image inspect --format '{{.Size}}' "$image")
  else
    size=$(buildah inspect --type image --format '{{.ImageSize}}' "$image" 2>/dev/null || echo 0)
  fi
  echo "   $image: $((size / 1024 / 1024)) MiB"
  if [[ -n "$archive" ]]; then
    mkdir -p "$archive"
    if [[ ${builder[0]} == podman ]]; then
      podman save --format oci-archive -o "$archive/$service.oci.tar" "$image"
    else
      buildah push "$image" "oci-archive:$archive/$service.oci.tar:$image"
    fi
    echo "   $archive/$service.oci.tar"
  fi
done
exit $status
