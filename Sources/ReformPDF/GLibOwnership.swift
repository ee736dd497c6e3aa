import CPoppler

/// A GObject reference that this value owns: unreferenced exactly once, in `deinit`.
final class GObjectReference {
    let pointer: UnsafeMutableRawPointer

    /// Takes ownership of a reference the caller was given (a "transfer full" return value).
    init(taking pointer: UnsafeMutableRawPointer) {
        self.pointer = pointer
    }

    deinit { g_object_unref(pointer) }
}

/// A buffer allocated by GLib (`g_malloc`) that this value owns and frees exactly once.
final class GLibBuffer<Element> {
    let pointer: UnsafeMutablePointer<Element>?
    let count: Int

    init(taking pointer: UnsafeMutablePointer<Element>?, count: Int) {
        self.pointer = pointer
        self.count = count
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count) }

    deinit { if let pointer { g_free(pointer) } }
}

/// The list of text attributes poppler returns for a page, freed with its own function.
final class TextAttributeList {
    let list: UnsafeMutablePointer<GList>?

    init(taking list: UnsafeMutablePointer<GList>?) { self.list = list }

    deinit { if let list { poppler_page_free_text_attributes(list) } }

    /// Visits each attribute run in order.
    func forEach(_ body: (PopplerTextAttributes) -> Void) {
        var node = list
        while let n = node {
            if let data = n.pointee.data {
                body(data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee)
            }
            node = n.pointee.next
        }
    }
}

/// Calls a GLib function that may fail with a `GError`, turning the error into a Swift value and freeing it.
func withGError<T>(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<GError>?>) -> T?) -> Result<T, GLibFailure> {
    var error: UnsafeMutablePointer<GError>? = nil
    let value = body(&error)
    if let error {
        let failure = GLibFailure(domain: error.pointee.domain, code: Int(error.pointee.code),
                                  message: error.pointee.message.map { String(cString: $0) } ?? "")
        g_error_free(error)
        return .failure(failure)
    }
    if let value { return .success(value) }
    return .failure(GLibFailure(domain: 0, code: -1, message: "unknown error"))
}

/// A GError copied into Swift.
struct GLibFailure: Error {
    let domain: GQuark
    let code: Int
    let message: String
}
