package org.redress.bench;

/**
 * The embedded H2 file's writes and reads over a stretch, from the gateway's {@code redress_register_file_*}
 * counters: the register's cost as counts, which do not move with the machine's speed as its CPU time does.
 */
record RegisterFile(double writes, double writtenBytes, double reads, double readBytes) {
    static final String PREFIX = "redress_register_file_";

    /** The counters in a {@code /q/metrics} text; null without them (PostgreSQL, or no answer). */
    static RegisterFile of(String metrics) {
        if (metrics == null) {
            return null;
        }
        double writes = value(metrics, PREFIX + "writes_total");
        double written = value(metrics, PREFIX + "written_bytes_total");
        double reads = value(metrics, PREFIX + "reads_total");
        double read = value(metrics, PREFIX + "read_bytes_total");
        return Double.isNaN(writes) || Double.isNaN(written) ? null : new RegisterFile(writes, written, reads, read);
    }

    RegisterFile minus(RegisterFile before) {
        return new RegisterFile(writes - before.writes, writtenBytes - before.writtenBytes, reads - before.reads,
                readBytes - before.readBytes);
    }

    /** Per completed mail, as the report prints it. */
    String perMail(long completed) {
        return String.format(java.util.Locale.ROOT, "%.2f writes, %.1f KB written, %.2f reads (%.1f KB) per mail",
                writes / completed, writtenBytes / 1024 / completed, reads / completed, readBytes / 1024 / completed);
    }

    private static double value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
