package io.trailcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One measured child process: wall time, and peak resident memory (VmHWM from /proc, sampled until exit).
 */
record Measured(int exitCode, double seconds, double peakRssMb, String stderr, String stdout) {

    static Measured run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("bench", ".err");
        Path out = Files.createTempFile("bench", ".out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        long peakKb = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            peakKb = Math.max(peakKb, highWaterMarkKb(status));
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = Files.readString(err);
        String stdout = Files.readString(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(out);
        return new Measured(p.exitValue(), seconds, peakKb / 1024.0, stderr, stdout);
    }

    private static long highWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
