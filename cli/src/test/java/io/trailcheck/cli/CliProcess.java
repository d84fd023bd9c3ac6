package io.trailcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line as a separate JVM, on the test class path, in a chosen working directory. */
record CliProcess(int exit, String out, String err) {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    static CliProcess run(Path workingDirectory, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile("trailcheck-out", ".txt");
        Path err = Files.createTempFile("trailcheck-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("trailcheck " + args + " did not finish in 180 s");
            }
            return new CliProcess(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
