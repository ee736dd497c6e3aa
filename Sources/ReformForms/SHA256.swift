import CDigest
import Foundation
import ReformPDF

/// SHA-256 (FIPS 180-4) of a file's bytes, for `source.sha256` and for telling files apart in batches.
public struct SHA256: Sendable {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether runs of whole blocks go to the processor's SHA instructions when it has them
    /// (CDigest); the tests turn it off to check one against the other.
    var usesProcessor = true

    /// Whether this processor compresses with its SHA instructions.
    static var processorCompresses: Bool { reform_sha256_has_instructions() != 0 }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    /// The lower-case hex digest of `data`.
    public static func hex(_ data: Data) -> String {
        var h = SHA256()
        h.update(data)
        return Self.lowerHex(h.finalize())
    }

    /// Bytes as lower-case hex, two digits each (String(format:) per byte went through Foundation's
    /// formatter 32 times a file).
    static func lowerHex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lower-case hex digest of a file, read in chunks.
    public static func hex(fileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoPermission) }
        defer { try? handle.close() }
        var h = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { h.update(chunk) }
        return Self.lowerHex(h.finalize())
    }

    /// The lower-case hex digest of an open document's file: of the bytes it parsed when it holds
    /// them, else read from `path` (empty when that fails).
    public static func hex(of document: PDFDocument, at path: String) -> String {
        if let bytes = document.bytes { return hex(bytes) }
        return (try? hex(fileAt: path)) ?? ""
    }

    public mutating func update(_ data: Data) {
        length += UInt64(data.count)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<take])
                i = take
                if pending.count == 64 {
                    let block = pending
                    block.withUnsafeBufferPointer { compress($0.baseAddress!) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            let blocks = (bytes.count - i) / 64
            if blocks > 0 && usesProcessor
                && state.withUnsafeMutableBufferPointer({ words in
                    SHA256.k.withUnsafeBufferPointer { reform_sha256_blocks(words.baseAddress!, bytes.baseAddress! + i, blocks, $0.baseAddress!) }
                }) == 1 {
                i += blocks * 64
            }
            while i + 64 <= bytes.count {
                compress(bytes.baseAddress! + i)
                i += 64
            }
            if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        let padded = (pending.count + 1 + 8 + 63) / 64 * 64
        tail += [UInt8](repeating: 0, count: padded - pending.count - 1 - 8)
        for s in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(s))) }
        let savedLength = length
        update(Data(tail))
        length = savedLength
        return state.flatMap { v in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> UInt32($0)) } }
    }

    private mutating func compress(_ block: UnsafePointer<UInt8>) {
        // the message schedule on the stack: an array here was a heap allocation every 64 bytes
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] = UInt32(block[t * 4]) << 24 | UInt32(block[t * 4 + 1]) << 16 | UInt32(block[t * 4 + 2]) << 8 | UInt32(block[t * 4 + 3])
            }
            for t in 16..<64 {
                let s0 = w[t - 15].rotr(7) ^ w[t - 15].rotr(18) ^ (w[t - 15] >> 3)
                let s1 = w[t - 2].rotr(17) ^ w[t - 2].rotr(19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7]
            SHA256.k.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let t1 = h &+ (e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                    let t2 = (a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                    h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }
}

private extension UInt32 {
    func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
