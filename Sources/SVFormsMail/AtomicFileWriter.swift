import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so that readers see either nothing or the whole of it, and it survives a
/// crash once written: a temporary name in the same folder, fsync, rename, fsync the folder.
enum AtomicFileWriter {
    /// What went wrong, with the errno text.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `bytes` to `directory/name`, creating the folder (mode 0700) if needed; the
    /// file is readable by its owner only (mail holds personal links). Returns the path.
    static func write(_ bytes: [UInt8], directory: String, name: String) throws(Failure) -> String {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw Failure(description: "cannot create \(directory): \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(UInt64.random(in: .min ... .max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                // Non-empty while written < count, so baseAddress is not nil.
                Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                let error = failure("cannot write", temporary)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let error = failure("cannot flush", temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename into place", path)
            unlink(temporary)
            throw error
        }
        syncDirectory(directory)
        return path
    }

    /// Makes the rename durable; a failure here loses nothing already written, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
