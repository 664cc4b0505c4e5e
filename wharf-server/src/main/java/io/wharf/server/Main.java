package io.wharf.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wharf}: one jar, one subcommand per component. */
@Command(name = "wharf", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Kubernetes, implemented in Java.",
        subcommands = {ServerCommand.class, KubeletCommand.class, SnapshotCommand.class, CertificateCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** What --version prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"wharf v1.32.0+wharf (commit " + BuildInfo.commit() + ", built " + BuildInfo.date() + ")"};
        }
    }
}
