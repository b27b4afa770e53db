package org.redress.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a run measured, written next to its numbers: cores, memory, CPU model, OS, Java, and the load average
 * when the run started (a busy machine gives slower numbers; the results should say so).
 */
final class Machine {
    /** The unit of {@code /proc/stat}, {@code USER_HZ}: 100 on every Linux architecture the JDK runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMb", memTotalMb());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("os", osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", " + System.getProperty("os.arch") + ")");
        machine.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        machine.put("javaVm", System.getProperty("java.vm.name"));
        machine.put("driverJvmOptions", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(o -> !o.startsWith("-Dbench.")).toList());
        machine.put("loadAverageAtStart", read(Path.of("/proc/loadavg")).trim());
        return machine;
    }

    /**
     * Milliseconds this machine takes now for a fixed piece of work (SHA-256 of 256 MB, the median of five rounds): a
     * shared virtual machine's speed moves by tens of per cent within minutes, and a phase's numbers are only
     * comparable with another's run at a similar probe. It runs in a JVM of its own with the JVM's default compilers:
     * the driver itself runs on C1 only (BENCHMARKS.md, "Keeping the instrument honest"), which has no SHA intrinsic
     * and would take ten times as long, and probes taken before that change stay comparable.
     */
    static long speedProbeMillis() {
        try {
            // the JVM's own notices (JAVA_TOOL_OPTIONS, warnings) go to its stderr, shown here; the number is stdout's
            Process probe = new ProcessBuilder(GatewayProcess.javaBinary(), "-cp", System.getProperty("java.class.path"),
                    Machine.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            if (probe.waitFor() != 0 || !output.matches("\\d+")) {
                throw new IllegalStateException("the speed probe's JVM failed (exit " + probe.exitValue() + "): " + output);
            }
            return Long.parseLong(output);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU seconds the whole machine has spent busy since it started, every process and the kernel (the first line of
     * {@code /proc/stat}: user, nice, system, irq and softirq; idle, I/O wait and time stolen by the hypervisor left
     * out), or NaN where there is no {@code /proc/stat}. The difference over a stretch is what every process on the
     * machine used, the benchmark's driver, the gateway and the mail server among them: what the stretch cost the
     * cores they share (on a quiet machine, little else).
     */
    static double busyCpuSeconds() {
        String first = read(Path.of("/proc/stat")).lines().findFirst().orElse("");
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 8 || !fields[0].equals("cpu")) {
            return Double.NaN;
        }
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(fields[i]);
        }
        return busy / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** CPU seconds this JVM has used, or NaN where the JVM does not tell. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The speed probe's own JVM: prints its milliseconds. */
    public static void main(String[] args) {
        System.out.println(probeHere());
    }

    private static long probeHere() {
        byte[] block = new byte[16 << 20];
        new java.util.Random(1).nextBytes(block);
        long[] rounds = new long[5];
        try {
            for (int round = 0; round < rounds.length; round++) {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                long start = System.nanoTime();
                for (int i = 0; i < 16; i++) {
                    digest.update(block);
                }
                digest.digest();
                rounds[round] = (System.nanoTime() - start) / 1_000_000;
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private static long memTotalMb() {
        String value = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String osRelease() {
        for (String line : read(Path.of("/etc/os-release")).split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return "unknown";
    }

    private static String firstValue(Path file, String key) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}
