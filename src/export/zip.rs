//! A minimal zip writer: entries stored without compression, UTF-8 names, CRC-32 checked. Enough
//! for a .docx, at a fraction of the size a general zip crate would add to the app.

use crate::checksum::crc32;

/// Builds a zip archive in memory.
#[derive(Default)]
pub struct ZipWriter {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00 in MS-DOS form: the files carry no meaningful time of their own.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file called `name` holding `data`.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let offset = self.bytes.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_len = name.len() as u16;

        let local = &mut self.bytes;
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [10u16, FLAGS, 0, DOS_TIME, DOS_DATE] {
            local.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            local.extend_from_slice(&field.to_le_bytes());
        }
        local.extend_from_slice(&name_len.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(data);

        let central = &mut self.central;
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [20u16, 10, FLAGS, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The finished archive.
    pub fn finish(mut self) -> Vec<u8> {
        let central_offset = self.bytes.len() as u32;
        let central_size = self.central.len() as u32;
        self.bytes.append(&mut self.central);
        self.bytes.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for field in [0u16, 0, self.entries, self.entries] {
            self.bytes.extend_from_slice(&field.to_le_bytes());
        }
        self.bytes.extend_from_slice(&central_size.to_le_bytes());
        self.bytes.extend_from_slice(&central_offset.to_le_bytes());
        self.bytes.extend_from_slice(&0u16.to_le_bytes());
        self.bytes
    }
}

/// Reads back a stored-only archive: `(name, data)` in order, checking every CRC. For tests and
/// for anything that wants to look inside what [`ZipWriter`] made.
pub fn read_stored(archive: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16_at = |at: usize| -> Result<u16, String> {
        archive
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .ok_or_else(|| format!("truncated at {at}"))
    };
    let u32_at = |at: usize| -> Result<u32, String> {
        archive
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| format!("truncated at {at}"))
    };
    let mut entries = Vec::new();
    let mut at = 0;
    while u32_at(at)? == 0x0403_4b50 {
        if u16_at(at + 8)? != 0 {
            return Err("compressed entry".into());
        }
        let crc = u32_at(at + 14)?;
        let size = u32_at(at + 18)? as usize;
        let name_len = u16_at(at + 26)? as usize;
        let extra_len = u16_at(at + 28)? as usize;
        let name_start = at + 30;
        let data_start = name_start + name_len + extra_len;
        let name = archive
            .get(name_start..name_start + name_len)
            .ok_or("truncated name")?;
        let data = archive
            .get(data_start..data_start + size)
            .ok_or("truncated data")?;
        if crc32(data) != crc {
            return Err(format!("bad CRC in {}", String::from_utf8_lossy(name)));
        }
        entries.push((String::from_utf8_lossy(name).into_owned(), data.to_vec()));
        at = data_start + size;
    }
    if u32_at(at)? != 0x0201_4b50 {
        return Err("no central directory".into());
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_in_order() {
        let mut zip = ZipWriter::new();
        zip.add("[Content_Types].xml", b"<Types/>");
        zip.add("word/文档.xml", "意见".as_bytes());
        let archive = zip.finish();
        let entries = read_stored(&archive).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[1],
            ("word/文档.xml".to_string(), "意见".as_bytes().to_vec())
        );
        assert_eq!(
            &archive[archive.len() - 22..archive.len() - 18],
            &0x0605_4b50u32.to_le_bytes()
        );
    }

    #[test]
    fn a_flipped_byte_is_detected() {
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"hello");
        let mut archive = zip.finish();
        archive[35] ^= 1;
        assert!(read_stored(&archive).is_err());
    }
}
