package dev.berth.cli.command;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where the commands run: the repository root holding the service jars, the java launcher and
 * berth's own jar (to start the supervisor and PostgreSQL with), and the streams to print to.
 */
public record Cli(Path home, Path java, Path cliJar, PrintStream out, PrintStream err) {
}
