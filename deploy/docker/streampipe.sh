#!/bin/sh
# The streampipe CLI inside the pipeline-job image: its own jars first, then Spark's (for `run`).
exec java ${JAVA_OPTS:-} -cp "/opt/streampipe/lib/*:/opt/spark/jars/*" io.streampipe.cli.StreampipeMain "$@"
