package io.bulwark.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that only the server's user may read: the data folder (0700), the embedded database
 * (0600; SQLite gives its WAL files the database's mode) and the generated key.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Creates {@code folder} and its missing parents, the folder itself owner-only. */
    public static void createFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.toAbsolutePath().getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (FileAlreadyExistsException ignored) {
            // Another process created it first; its mode is its own business.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + folder, e);
        }
    }

    /** Creates an empty owner-only file unless {@code file} exists. */
    public static void createFile(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException ignored) {
            // Existing files keep the mode their owner gave them.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file " + file, e);
        }
    }
}
