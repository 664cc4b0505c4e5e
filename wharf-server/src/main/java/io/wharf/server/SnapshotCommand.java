package io.wharf.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wharf snapshot}: backups of a running server's store. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Back up a running Wharf server's store; restore with 'wharf server --restore FILE'."},
        subcommands = {SnapshotSaveCommand.class, CommandLine.HelpCommand.class})
final class SnapshotCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
