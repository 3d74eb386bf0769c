// Test hook (PORTAL_DESK_TEST_IPC_RECORD): records every message Rust sends
// this webview (command answers, errors, events) in window.__portalDeskIpcLog,
// as JSON, for the secret canary in e2e/tests/canary.rs. Every such message
// reaches a callback registered in __TAURI_INTERNALS__.callbacks, so wrapping
// the callbacks as they are registered sees them all.
;(function () {
  var internals = window.__TAURI_INTERNALS__
  if (!internals || !internals.callbacks || window.__portalDeskIpcLog) {
    return
  }
  var log = []
  Object.defineProperty(window, '__portalDeskIpcLog', { value: log })
  var callbacks = internals.callbacks
  var set = callbacks.set
  callbacks.set = function (id, callback) {
    return set.call(callbacks, id, function (data) {
      try {
        log.push(JSON.stringify(data === undefined ? null : data))
      } catch (error) {
        log.push(String(data))
      }
      return callback(data)
    })
  }
})()
