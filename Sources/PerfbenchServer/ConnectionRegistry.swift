import NIOCore
import Synchronization

/// The open connections, so shutdown can close every one of them (closing the listening socket
/// leaves accepted connections open).
final class ConnectionRegistry: Sendable {
    /// Open channels by identity, and whether shutdown has begun; a Mutex because channels open
    /// and close on every event loop thread.
    private let state = Mutex<(open: [ObjectIdentifier: any Channel], closing: Bool)>(([:], false))

    /// Notes `channel` as open; closes it at once when shutdown has already begun.
    func opened(_ channel: any Channel) {
        let accepted = state.withLock { state -> Bool in
            guard !state.closing else { return false }
            state.open[ObjectIdentifier(channel)] = channel
            return true
        }
        if !accepted { channel.close(promise: nil) }
    }

    /// Forgets `channel` (it closed).
    func closed(_ channel: any Channel) {
        _ = state.withLock { $0.open.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Closes every open connection and refuses later ones; returns once all are closed.
    func closeAll() async {
        let channels = state.withLock { state -> [any Channel] in
            state.closing = true
            return Array(state.open.values)
        }
        for channel in channels {
            try? await channel.close()
        }
    }
}
