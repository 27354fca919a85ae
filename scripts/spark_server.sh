#!/usr/bin/env bash
# A local Spark Connect server for the Spark engine's tests (tests/cli/spark.rs) and benchmark,
# bound to 127.0.0.1.
#
#   scripts/spark_server.sh start   # prints the address; export CANDOR_SPARK_REMOTE=<it>
#   scripts/spark_server.sh stop
#
# start installs, when missing: pyspark from PyPI into ~/.cache/candor-spark/venv (it bundles
# Spark's jars, the Connect server among them) and, when no Java 17+ runtime is found, Debian's
# openjdk-17-jre-headless. Port: $CANDOR_SPARK_PORT (default 15002). Tables live in a temporary
# warehouse folder removed by stop.
set -euo pipefail
PYSPARK_VERSION=4.2.1
root=${CANDOR_SPARK_CACHE:-$HOME/.cache/candor-spark}
venv=$root/venv
port=${CANDOR_SPARK_PORT:-15002}
state=$root/run-$port

java_ok() {
  command -v java >/dev/null 2>&1 || return 1
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  [ -n "$v" ] && [ "$v" -ge 17 ]
}

start() {
  if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
  fi
  if ! java_ok; then
    apt-get install -y -q openjdk-17-jre-headless >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q openjdk-17-jre-headless >/dev/null; }
  fi
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  export JAVA_HOME
  local spark_home work
  spark_home=$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
  mkdir -p "$state"
  if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
    echo "sc://127.0.0.1:$port"
    return
  fi
  work=$(mktemp -d /tmp/candor-spark-XXXXXX)
  echo "$work" >"$state/work"
  (
    cd "$work"
    SPARK_HOME=$spark_home setsid "$spark_home/bin/spark-submit" \
      --class org.apache.spark.sql.connect.service.SparkConnectServer \
      --master 'local[2]' --driver-memory 2g \
      --conf spark.connect.grpc.binding.address=127.0.0.1 \
      --conf spark.connect.grpc.binding.port="$port" \
      --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
      --conf spark.ui.enabled=false \
      --conf spark.sql.warehouse.dir="$work/warehouse" \
      --driver-java-options "-Dderby.system.home=$work" \
      >"$state/server.log" 2>&1 </dev/null &
    echo $! >"$state/pid"
  )
  for _ in $(seq 1 180); do
    if grep -q "Spark Connect server started" "$state/server.log" 2>/dev/null; then
      echo "sc://127.0.0.1:$port"
      return
    fi
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
      echo "the Spark Connect server stopped while starting; its log:" >&2
      tail -n 30 "$state/server.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "the Spark Connect server did not start within 180 s; its log: $state/server.log" >&2
  stop
  exit 1
}

stop() {
  if [ -f "$state/pid" ]; then
    local pid
    pid=$(cat "$state/pid")
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- "-$pid" 2>/dev/null || true
    rm -f "$state/pid"
  fi
  if [ -f "$state/work" ]; then
    rm -rf "$(cat "$state/work")"
    rm -f "$state/work"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
