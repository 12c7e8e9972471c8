import CZlib

/// zlib-framed (RFC 1950) data, as `.zhar` files hold, made with zlib's own `compress2`.
public enum ZlibFixture {
    public struct Failure: Error {}

    public static func compress(_ bytes: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &size, input.baseAddress, uLong(bytes.count), level)
            }
        }
        guard status == Z_OK else { throw Failure() }
        return Array(output[0..<Int(size)])
    }
}
