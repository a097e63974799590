import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Loopback TCP sockets that make a port refuse or ignore connections, for failure tests.
/// The socket stays open until `close()`, so no other process can take the port meanwhile.
struct LoopbackSocket {
    let descriptor: Int32
    let port: Int

    /// A port that refuses connections: bound, not listening.
    static func refusing() throws -> LoopbackSocket { try make(listen: false) }

    /// A port that accepts the TCP connection (the kernel does, from the backlog) but never
    /// says anything: a client waiting for the SMTP greeting times out.
    static func silent() throws -> LoopbackSocket { try make(listen: true) }

    func close() { _ = Glibc.close(descriptor) }

    private static func make(listen shouldListen: Bool) throws -> LoopbackSocket {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSetupError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound, !shouldListen || listen(descriptor, 8) == 0 else {
            _ = Glibc.close(descriptor)
            throw TestSetupError("could not bind a loopback socket")
        }
        return LoopbackSocket(descriptor: descriptor, port: Int(UInt16(bigEndian: address.sin_port)))
    }
}
