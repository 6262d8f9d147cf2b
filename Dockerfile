# FinePrint in a container: built from source with the Swift toolchain, then only the release
# binary (no Swift in the image) on Debian's slim image.
#
#   docker build -t fineprint .
#   docker run --rm -v "$PWD:/work" fineprint lint legal/
#
# The build stage runs .ci/release, which links the binary statically, checks it with ldd, tries
# it on Samples/ and packs it; the image gets that very binary.
ARG SWIFT_IMAGE=swift:6.3-bookworm

FROM ${SWIFT_IMAGE} AS build
WORKDIR /src
COPY . .
RUN .ci/release /dist \
 && tar -xzf /dist/fineprint-*-linux-*.tar.gz -C /dist --strip-components=1

FROM debian:bookworm-slim
# libcurl4 and ca-certificates only to fetch URLs (`fineprint lint https://…`): the binary opens
# libcurl when it fetches one, and lints files without it.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcurl4 ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /dist/fineprint /usr/local/bin/fineprint
# The bundled rules compiled once, here, into a cache every user of the image can read.
ENV FINEPRINT_CACHE=/var/cache/fineprint
RUN fineprint rules list >/dev/null && chmod -R a+rX /var/cache/fineprint
WORKDIR /work
ENTRYPOINT ["fineprint"]
CMD ["--help"]
