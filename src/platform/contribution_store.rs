//! Where a consolidation's contributions are kept: IndexedDB, one record per contribution,
//! keyed `<draft key>|<contribution key>`. Thirty full drafts (about 2.5 million characters)
//! would not fit beside the drafts in localStorage's 5 MB; IndexedDB's quota is a share of the
//! disk. Values are the records [`crate::consolidation::Contribution::to_record`] writes.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

const DATABASE: &str = "consultation-response";
const STORE: &str = "contributions";

/// The key of contribution `key` of the draft stored under `draft_key`.
pub fn record_key(draft_key: &str, key: &str) -> String {
    format!("{draft_key}|{key}")
}

/// Waits for `request` to succeed (with its result) or fail.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

/// Waits for `transaction` to be committed; a full disk aborts it.
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(drop)
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = gloo::utils::window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrade = {
        let request = request.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Ok(database) = request.result() {
                let database: IdbDatabase = database.unchecked_into();
                if !database.object_store_names().contains(STORE) {
                    let _ = database.create_object_store(STORE);
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let database = finished(&request).await;
    request.set_onupgradeneeded(None);
    Ok(database?.unchecked_into())
}

fn store(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), JsValue> {
    let transaction = database.transaction_with_str_and_mode(STORE, mode)?;
    let store = transaction.object_store(STORE)?;
    Ok((transaction, store))
}

/// Every record of the draft stored under `draft_key`.
pub async fn load(draft_key: &str) -> Result<Vec<String>, JsValue> {
    let database = open().await?;
    let (_, store) = store(&database, IdbTransactionMode::Readonly)?;
    let prefix = record_key(draft_key, "");
    let range = IdbKeyRange::bound(
        &JsValue::from_str(&prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
    )?;
    let values = finished(&store.get_all_with_key(&range)?).await;
    database.close();
    Ok(Array::from(&values?)
        .iter()
        .filter_map(|value| value.as_string())
        .collect())
}

/// Writes `records` (key, record) and deletes `removed` in one transaction: all or nothing.
pub async fn write(records: Vec<(String, String)>, removed: Vec<String>) -> Result<(), JsValue> {
    let database = open().await?;
    let outcome = async {
        let (transaction, store) = store(&database, IdbTransactionMode::Readwrite)?;
        for (key, record) in &records {
            store.put_with_key(&JsValue::from_str(record), &JsValue::from_str(key))?;
        }
        for key in &removed {
            store.delete(&JsValue::from_str(key))?;
        }
        committed(&transaction).await
    }
    .await;
    database.close();
    outcome
}

/// Removes the contributions of every draft whose key is not in `kept` (drafts deleted for
/// good). Returns how many were removed.
pub async fn keep_only(kept: Vec<String>) -> Result<usize, JsValue> {
    let database = open().await?;
    let outcome = async {
        let (transaction, store) = store(&database, IdbTransactionMode::Readwrite)?;
        let keys = finished(&store.get_all_keys()?).await?;
        let mut removed = 0;
        for key in Array::from(&keys).iter() {
            let Some(text) = key.as_string() else {
                continue;
            };
            let draft = text
                .split_once('|')
                .map_or(text.as_str(), |(draft, _)| draft);
            if !kept.iter().any(|k| k == draft) {
                store.delete(&key)?;
                removed += 1;
            }
        }
        committed(&transaction).await.map(|()| removed)
    }
    .await;
    database.close();
    outcome
}

/// Removes every contribution of every draft.
pub async fn clear() -> Result<(), JsValue> {
    let database = open().await?;
    let outcome = async {
        let (transaction, store) = store(&database, IdbTransactionMode::Readwrite)?;
        store.clear()?;
        committed(&transaction).await
    }
    .await;
    database.close();
    outcome
}
