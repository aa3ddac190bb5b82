#!/usr/bin/env bash
# Copies the jars of FROM_DIR whose artifact (name without version) none of the jars in the
# PROVIDED_DIRs has, into DEST: Spark's own copy of a library wins over the one Maven resolved,
# so the job runs on exactly the classpath the Spark distribution was tested with.
# Usage: add-missing-jars.sh FROM_DIR DEST PROVIDED_DIR...
set -euo pipefail
from=$1 dest=$2
shift 2
artifact() {
  local name
  name=$(basename "$1")
  if [[ $name =~ ^(.*)-[0-9][^-]*(-[A-Za-z][^/]*)?\.jar$ ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "${name%.jar}"
  fi
}
declare -A provided=()
for dir in "$@"; do
  for jar in "$dir"/*.jar; do
    [[ -e $jar ]] && provided[$(artifact "$jar")]=1
  done
done
mkdir -p "$dest"
for jar in "$from"/*.jar; do
  if [[ -z ${provided[$(artifact "$jar")]:-} ]]; then
    cp "$jar" "$dest/"
  fi
done
