package io.wharf.server;

import picocli.CommandLine.Command;

/** {@code wharf version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the Wharf and Kubernetes API versions.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(new Main.Version().getVersion()[0]);
    }
}
