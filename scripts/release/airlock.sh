#!/bin/sh
# airlock, run by the Node.js of the release folder this script is in: nothing is taken from PATH,
# nothing is downloaded, and nothing outside the folder is loaded but the system's own libraries.
set -e

# The folder: this script's own, through any symbolic links to it (such as one in ~/bin).
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
done
case $self in
  */*) here=${self%/*} ;;
  *) here=. ;;
esac

# Node reads these to load more code or change how it runs; the release runs only its own.
unset NODE_OPTIONS NODE_PATH NODE_REPL_EXTERNAL_MODULE NODE_COMPILE_CACHE

exec "$here/node/bin/node" "$here/lib/airlock.mjs" "$@"
