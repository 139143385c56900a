# Sourced by local/run and local/test: use a JDK >= 21 (the functions are Java 21 bytecode).
# Keeps JAVA_HOME if it already points at one; else picks the newest JDK >= 21 under /usr/lib/jvm.
_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  _best=""; _best_v=0
  for _d in /usr/lib/jvm/*; do
    [ -x "$_d/bin/javac" ] || continue
    _v=$(_java_major "$_d"); [ -n "$_v" ] || continue
    if [ "$_v" -ge 21 ] && [ "$_v" -gt "$_best_v" ]; then _best="$_d"; _best_v="$_v"; fi
  done
  if [ -z "$_best" ]; then
    echo "Cần JDK 21 trở lên / a JDK 21 or newer is required (none found under /usr/lib/jvm; set JAVA_HOME)." >&2
    exit 1
  fi
  export JAVA_HOME="$_best"
fi
export PATH="$JAVA_HOME/bin:$PATH"
