package org.reserveledger.api.storage;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An embedded PostgreSQL still running on the data directory after the service process that started
 * it was killed: the server outlives it, holds the directory, and would keep the next start from
 * opening it. It is stopped (fast: sessions ended, committed work kept) before a new server starts.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    /** The file the embedded binaries lock while a service process runs a server on the directory. */
    private static final String OWNER_LOCK = "epg-lock";

    private LeftoverServer() {
    }

    static void stopIn(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            // A live service process holds the lock: its server is not left over, and this start fails as it should.
            if (lock != null) {
                postmaster(pidFile, directory).ifPresent(server -> stop(server, directory));
            }
        } catch (OverlappingFileLockException e) {
            log.debug("This process already runs a server on {}", directory);
        }
    }

    /** The server process named by the pid file, if it is still a PostgreSQL server running on this directory. */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path directory) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> runsOn(process, directory));
    }

    private static boolean runsOn(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        String[] arguments = info.arguments().orElse(new String[0]);
        return command.map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false)
                && List.of(arguments).contains(directory.toString());
    }

    private static void stop(ProcessHandle server, Path directory) {
        Path postgres = Path.of(server.info().command().orElseThrow());
        Path pgCtl = postgres.resolveSibling(postgres.getFileName().toString().replace("postgres", "pg_ctl"));
        log.warn("Stopping the embedded PostgreSQL (pid {}) left running on {} by a service process that ended "
                + "without stopping it", server.pid(), directory);
        List<String> command = new ArrayList<>();
        // As the embedded binaries run their own commands: as root, inside a user namespace where root is nobody.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-D", directory.toString(), "-m", "fast", "-t", "120", "-w"));
        try {
            Process stop = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (stop.waitFor() != 0) {
                throw new IllegalStateException("the embedded PostgreSQL (pid " + server.pid() + ") left running on "
                        + directory + " did not stop: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + pgCtl + " to stop the embedded PostgreSQL left on "
                    + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the embedded PostgreSQL left on " + directory, e);
        }
    }
}
