package io.wharf.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wharf certificate}: certificates from a server's cluster CA for components that run apart from it. */
@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = {"Issue certificates from the cluster CA in a server's data directory."},
        subcommands = {KubeletCertificateCommand.class, CommandLine.HelpCommand.class})
final class CertificateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
