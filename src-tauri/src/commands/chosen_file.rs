//! A file the person chose in the window, as it crosses IPC: its bytes as the request's raw body
//! and its name and profile in two headers (issue 15: files cross IPC as bytes, not as a JSON
//! array of numbers). A 20 MB run file as JSON was about 70 MB of text built on the page's main
//! thread, then a `serde_json::Value` of 20 million numbers (over 600 MB) in the shell before the
//! command saw a byte; as a body it is copied once.
//!
//! The UI sends it with `sendFile` (ui/src/lib/api.ts); the bindings name its fields for that.

use percent_encoding::percent_decode_str;
use soleus::{ErrorCode, ErrorPayload};
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};
use tauri::Runtime;
use ts_rs::TS;

/// The header with the profile the file is for (a decimal id).
pub const PROFILE_HEADER: &str = "soleus-profile-id";
/// The header with the file's name, percent-encoded (a header is ASCII; a name may not be).
pub const NAME_HEADER: &str = "soleus-file-name";

/// What the UI passes to `sendFile`: the bytes go as the body, the rest as headers.
#[derive(Debug, TS)]
#[ts(rename_all = "camelCase")]
pub struct ChosenFile {
    pub profile_id: i64,
    pub name: String,
    #[ts(type = "Uint8Array")]
    pub bytes: Vec<u8>,
}

fn refused(what: &str) -> InvokeError {
    // Only a UI that does not send files through `sendFile` gets here: not the person's doing.
    InvokeError::from(ErrorPayload { code: ErrorCode::Internal, message: format!("the chosen file reached the app without {what}") })
}

impl<'de, R: Runtime> CommandArg<'de, R> for ChosenFile {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let InvokeBody::Raw(bytes) = item.message.payload() else {
            return Err(refused("its bytes as the request's body"));
        };
        let header = |name: &str| item.message.headers().get(name).and_then(|v| v.to_str().ok());
        let profile_id = header(PROFILE_HEADER).and_then(|v| v.parse().ok()).ok_or_else(|| refused("its profile"))?;
        let name = header(NAME_HEADER)
            .and_then(|v| percent_decode_str(v).decode_utf8().ok())
            .ok_or_else(|| refused("its name"))?
            .into_owned();
        Ok(ChosenFile { profile_id, name, bytes: bytes.clone() })
    }
}
