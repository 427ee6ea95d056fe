//! A zone contact as a vCard 3.0 (RFC 2426), the text a phone camera reads from the brief's
//! QR code to offer "add contact", with no network.

use crate::model::Contact;

/// The vCard of `contact`, who works for `organisation` (the zone's name). Lines end in
/// CRLF as the format requires; text values escape `\`, `,`, `;` and line breaks. Empty
/// fields are left out. The phone keeps only digits, `+` and `-`.
pub fn vcard(contact: &Contact, organisation: &str) -> String {
    let mut out = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
    let mut line = |key: &str, value: &str| {
        let value = value.trim();
        if !value.is_empty() {
            out.push_str(key);
            out.push(':');
            for ch in value.chars() {
                match ch {
                    '\\' | ',' | ';' => {
                        out.push('\\');
                        out.push(ch);
                    }
                    '\n' => out.push_str("\\n"),
                    '\r' => {}
                    _ => out.push(ch),
                }
            }
            out.push_str("\r\n");
        }
    };
    let name = if contact.name.trim().is_empty() {
        organisation
    } else {
        &contact.name
    };
    line("FN", name);
    line("N", name);
    line("ORG", organisation);
    line("TITLE", &contact.role);
    let phone: String = contact
        .phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+' || *c == '-')
        .collect();
    line("TEL;TYPE=WORK,VOICE", &phone);
    line("EMAIL;TYPE=INTERNET", &contact.email);
    if let Some(url) = crate::model::safe_url(&contact.website) {
        line("URL", url);
    }
    out.push_str("END:VCARD\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_becomes_a_vcard_with_escaped_text() {
        let c = Contact {
            name: "王主任".into(),
            role: "招商局, 项目专员; 一组".into(),
            phone: "0355-123 4567".into(),
            email: "zs@example.cn".into(),
            website: "javascript:alert(1)".into(),
            ..Default::default()
        };
        let v = vcard(&c, "长治高新技术产业开发区");
        assert!(v.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王主任\r\n"));
        assert!(v.contains("ORG:长治高新技术产业开发区\r\n"));
        assert!(v.contains("TITLE:招商局\\, 项目专员\\; 一组\r\n"));
        assert!(v.contains("TEL;TYPE=WORK,VOICE:0355-1234567\r\n"));
        assert!(v.contains("EMAIL;TYPE=INTERNET:zs@example.cn\r\n"));
        assert!(!v.contains("URL"), "only http(s) addresses are written");
        assert!(v.ends_with("END:VCARD\r\n"));
    }

    #[test]
    fn a_nameless_contact_is_named_by_its_zone() {
        let c = Contact {
            phone: "+86 355 1234567".into(),
            ..Default::default()
        };
        let v = vcard(&c, "高平经济技术开发区");
        assert!(v.contains("FN:高平经济技术开发区\r\n"));
        assert!(!v.contains("TITLE"));
        assert!(v.contains("TEL;TYPE=WORK,VOICE:+863551234567\r\n"));
    }
}
