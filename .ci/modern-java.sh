#!/usr/bin/env bash
# Prints the java executable of a JDK of version 20 or later: $JAVA21_HOME if set, else the newest under
# /usr/lib/jvm. Prints nothing (exit 1) when there is none.
set -uo pipefail
major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
best=""; best_major=0
for home in ${JAVA21_HOME:+"$JAVA21_HOME"} /usr/lib/jvm/*; do
  java="$home/bin/java"
  [ -x "$java" ] || continue
  m=$(major "$java"); m=${m%%.*}
  [[ "$m" =~ ^[0-9]+$ ]] || continue
  if [ -n "${JAVA21_HOME:-}" ] && [ "$home" = "$JAVA21_HOME" ] && [ "$m" -ge 20 ]; then echo "$java"; exit 0; fi
  if [ "$m" -ge 20 ] && [ "$m" -gt "$best_major" ]; then best="$java"; best_major=$m; fi
done
[ -n "$best" ] && echo "$best"
