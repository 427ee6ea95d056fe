//! Every user-visible string, in Chinese and English.
//!
//! `messages!` generates one match arm per language for each key, so a key without both
//! translations does not compile. Reasons from the matching engine are rendered here too,
//! keeping the engine language-neutral.

use crate::matching::{ChainRole, CriterionKind, Exclusion, MatchVia, Preset, Reason};
use crate::model::{ChainStage, IncentiveCategory, LinkStatus, Stage, Text, ZoneKind};
use crate::taxonomy::Relation;

pub use crate::lang::Lang;

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A fixed UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppTitle => "园区招商匹配", "ZoneMatch";
    AppTagline => "开发区画像与意向企业智能匹配（离线可用）", "Development-zone profiles and explained prospect matching, offline";
    SwitchLanguage => "English", "中文";
    NavZones => "园区", "Zones";
    NavCapture => "登记企业", "Capture";
    NavProspects => "意向企业", "Prospects";
    NavData => "数据", "Data";
    StorageUnavailable => "此浏览器不保存数据（隐私浏览模式，或存储被阻止）：关闭页面后数据不会保留，请及时导出。", "This browser is not keeping data (private browsing, or storage is blocked): nothing will be kept after this page closes. Export your data.";
    StorageCorrupt => "本机保存的数据已损坏：原数据已另存为隔离副本，现载入演示数据。", "The data saved on this device was damaged: it was set aside as a quarantined copy and the demo data was loaded.";
    StorageNewer => "本机数据由更新版本的应用保存：本页只读，不会覆盖它。请刷新以使用新版本。", "The data on this device was saved by a newer version of the app: this page is read-only and will not overwrite it. Reload to get the new version.";
    StorageSalvaged => "本机保存的数据部分损坏：原数据已另存为隔离副本（可在“数据”页下载），完好的记录已全部载入。", "Part of the data saved on this device was damaged: the original was set aside (download it from the Data screen) and every intact record was loaded.";
    StorageRestoredBackup => "本机保存的数据已损坏：原数据已另存为隔离副本，现载入上一次保存的版本。", "The data saved on this device was damaged: it was set aside, and the copy saved before it was loaded.";
    SaveFailed => "保存失败（存储空间可能已满）：数据仍在本页，请立即导出备份。", "Saving failed (storage may be full): your data is still on this page. Export a backup now.";
    Dismiss => "知道了", "Dismiss";
    ZonesTitle => "开发区与园区", "Development zones";
    SearchZones => "按名称、地区或产业搜索", "Search by name, place or industry";
    AddZone => "新增园区", "Add zone";
    NoZonesFound => "没有符合条件的园区", "No zones match";
    Clusters => "产业集群", "Industrial clusters";
    ChainLinks => "产业链环节", "Chain links";
    FactorySpace => "标准厂房", "Standard factory space";
    FreeSpace => "可用厂房", "Free factory space";
    Planned => "规划", "Planned";
    Built => "已建成", "Built";
    Occupancy => "使用率", "In use";
    Land => "土地", "Land";
    LandAvailable => "可用土地", "Land available";
    Thresholds => "准入门槛", "Entry thresholds";
    MinInvestment => "最低投资额", "Minimum investment";
    MinIntensity => "投资强度下限", "Minimum investment intensity";
    Incentives => "优惠政策", "Incentive policies";
    IncentiveCap => "同一企业/项目最高可享", "Most one enterprise or project can receive";
    PoliciesInTotal => "政策总数", "Policies in total";
    PoliciesListedBelow => "以下为已公开的条目", "those made public are listed below";
    Services => "服务", "Services";
    TargetRegions => "重点招商区域", "Target regions";
    Contacts => "联系人", "Contacts";
    NoContacts => "未公布联系人", "No contact published";
    AsOf => "数据截至", "As of";
    Source => "来源", "Source";
    Location => "所在地", "Location";
    Kind => "类型", "Kind";
    Unknown => "未知", "unknown";
    Estimated => "估算", "estimated";
    None_ => "无", "none";
    Back => "返回", "Back";
    Edit => "编辑", "Edit";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    Delete => "删除", "Delete";
    EditZoneTitle => "编辑园区", "Edit zone";
    NewZoneTitle => "新增园区", "New zone";
    NameZh => "名称（中文）", "Name (Chinese)";
    NameEn => "名称（英文）", "Name (English)";
    LocationZh => "所在地（中文）", "Location (Chinese)";
    LocationEn => "所在地（英文）", "Location (English)";
    SummaryZh => "简介（中文）", "Summary (Chinese)";
    SummaryEn => "简介（英文）", "Summary (English)";
    ClustersField => "产业集群：每行一个，格式“集群 | English | 环节1、环节2”", "Clusters: one per line, as “Chinese name | English name | link 1, link 2”";
    AvailableM2Field => "可用厂房（m²）", "Free factory space (m²)";
    BuiltM2Field => "已建成厂房（m²）", "Built factory space (m²)";
    PlannedM2Field => "规划厂房（m²）", "Planned factory space (m²)";
    OccupancyField => "厂房使用率（%）", "Factory space in use (%)";
    LandMuField => "可用土地（亩）", "Land available (mu)";
    MinInvestmentField => "最低投资额（万元）", "Minimum investment (10k CNY)";
    MinIntensityField => "投资强度下限（万元/亩）", "Minimum intensity (10k CNY per mu)";
    AsOfField => "数据截至（年-月）", "As of (year-month)";
    ErrorNameRequired => "请填写园区名称（中文或英文）", "Enter the zone's name (Chinese or English)";
    ErrorOccupancy => "使用率应在 0 到 100 之间", "Share in use must be between 0 and 100";
    ErrorClusterLine => "产业集群格式有误，第几行：", "Cluster line not understood, line:";
    CaptureTitle => "登记意向企业", "Capture a prospect";
    ProspectName => "企业名称（访客模式下不显示）", "Company name (hidden in visitor mode)";
    Industry => "行业", "Industry";
    IndustryHint => "如：锂电池、集成电路封装、食品加工", "e.g. lithium batteries, IC packaging, food processing";
    Products => "主要产品", "Main products";
    InvestmentField => "计划投资（万元，可写“6亿”）", "Planned investment (10k CNY; “6亿” = CNY 600 million)";
    FactoryNeedField => "厂房需求（m²）", "Factory space needed (m²)";
    LandNeedField => "用地需求（亩）", "Land needed (mu)";
    JobsField => "就业人数", "Jobs";
    OriginField => "来自地区", "Coming from (region)";
    NotesField => "备注", "Notes";
    StageField => "阶段", "Stage";
    SaveAndMatch => "保存并查看匹配", "Save and see matches";
    ErrorProspectEmpty => "请至少填写企业名称或行业", "Enter at least a name or an industry";
    FixErrors => "请先更正标红的字段，未保存任何内容。", "Fix the fields marked in red; nothing was saved.";
    LiveMatches => "即时匹配", "Live matches";
    TypeToMatch => "填写行业或产品后显示匹配园区", "Matching zones appear once you enter an industry or products";
    ProspectsTitle => "意向企业", "Prospects";
    NoProspects => "还没有意向企业。请先登记。", "No prospects yet. Capture one first.";
    MatchesTitle => "园区匹配结果", "Zone matches";
    ScoreOutOf => "分", "/100";
    NotScored => "不计分", "not scored";
    Investment => "投资", "Investment";
    FactoryNeed => "厂房", "Factory";
    LandNeed => "用地", "Land";
    Origin => "来源地", "From";
    Captured => "登记于", "Captured";
    DataTitle => "数据与备份", "Data and backup";
    Release => "应用版本", "App release";
    ExportData => "导出全部数据（JSON）", "Export all data (JSON)";
    ExportHint => "导出的 JSON 文件是完整备份：全部园区和意向企业及其所有字段，采用本应用自己的格式。请妥善保存；可在另一台设备的“数据”页导入。", "The JSON file is a complete backup: every zone and prospect with all their fields, in this app's own format. Keep it safe; to move your data, import it on another device from its Data screen.";
    ImportData => "导入 JSON 文件", "Import a JSON file";
    ImportHint => "选择本应用“导出全部数据（JSON）”生成的备份文件。导入按编号新增或更新文件中的记录，本机其他记录保留；先预览，确认后才生效；文件有任何错误则不做任何更改。", "Choose a backup written by “Export all data (JSON)” on this or another device. Import adds or updates the file's records (matched by their ID) and keeps every other record; you see a preview first; if the file has any error, nothing changes.";
    ExportProspectsCsv => "导出意向企业台账（CSV）", "Export prospect ledger (CSV)";
    ExportZonesCsv => "导出园区（CSV）", "Export zones (CSV)";
    ImportCsv => "导入表格（Excel 或 CSV：台账、园区名录）", "Import a table (Excel or CSV: ledgers, zone lists)";
    ExportProspectsXlsx => "导出台账（Excel）", "Export the ledger (Excel)";
    ExportZonesXlsx => "导出园区表（Excel）", "Export zones (Excel)";
    ReadingWorkbook => "正在读取表格…", "Reading the table…";
    WritingWorkbook => "正在生成 Excel 文件…", "Writing the Excel file…";
    MappingTitle => "核对每一列导入为什么", "Check what each column is imported as";
    MappingHint => "下表列出文件的每一列、应用的理解和示例值。任何一列都可以改，或选“不导入”。确认导入后，表头相同的文件会沿用这次的对应关系。", "Each column of the file, what the app took it for, and sample values. Change any column, or choose “Not imported”. Once you import, files with the same headers get the same choices.";
    MappingRemembered => "已按上次确认的对应关系填好。", "Filled in as you confirmed last time.";
    MappingSheet => "工作表", "Sheet";
    MappingTarget => "表格内容", "The table holds";
    TargetProspects => "意向企业（台账）", "Prospects (ledger)";
    TargetZones => "园区", "Zones";
    MappingHeaderRow => "表头所在行", "Header row";
    MappingColumn => "列（表头）", "Column (header)";
    MappingAs => "导入为", "Imported as";
    MappingSamples => "示例值", "Sample values";
    ChoiceNotes => "记入备注（表头: 值）", "Kept in the notes (header: value)";
    ChoiceIgnore => "不导入", "Not imported";
    MappingNotesColumns => "这些列没有对应的字段，将以“表头: 值”记入每条记录的备注：", "These columns have no field; each record keeps them in its notes as “header: value”:";
    MappingIgnored => "不导入的列：", "Columns not imported:";
    MappingPreview => "预览导入", "Preview the import";
    ImportFlags => "需核对（按原文保留或已记入备注）：", "To check (kept as written, or in the notes):";
    ImportWillAdd => "将新增：", "Will be added:";
    CsvHint => "可导入 Excel 工作簿（.xlsx，可选工作表；.xls 请先另存为 .xlsx）或 CSV、TSV、TXT 文本（UTF-8、GBK、UTF-16 编码均可）。表头可用中文或英文，如“项目名称、投资方、计划总投资（万元）、申请用地面积（亩）、项目进展、签约日期”，或园区名录的“开发区名称、批准时间、核准面积（公顷）、主导产业”；表头上方可有标题行。导入前会列出每一列的对应关系供核对，没有对应字段的列记入备注。", "Import an Excel workbook (.xlsx, choosing the sheet; save an .xls as .xlsx first) or a CSV, TSV or TXT table (UTF-8, GBK or UTF-16). Headers may be in Chinese or English, as ledgers have them (“项目名称”, “投资方”, “计划总投资（万元）”, “申请用地面积（亩）”, “项目进展”, “签约日期”; Company, Industry, Investment…) or as zone lists do (“开发区名称”, “批准时间”, “核准面积（公顷）”, “主导产业”); a title row above the header is fine. Before anything is imported you check what each column is taken for; columns with no field are kept in the notes.";
    ImportPreview => "导入预览（尚未更改任何数据）", "Import preview (nothing changed yet)";
    ImportConflicts => "请核对以下可能重复的记录：", "Check these possible duplicates:";
    ApplyImport => "确认导入", "Apply import";
    QuotaFull => "存储空间已满：最新修改只在本页中，尚未保存到设备。请立即导出备份，并清理浏览器空间。", "Storage is full: your latest changes are only on this page, not saved on the device. Export a backup now and free browser space.";
    MergedFromOtherTab => "另一个标签页刚保存了数据，已与本页的修改合并。", "Another tab had just saved; its data and your change were merged.";
    UpdateReady => "新版本已就绪。保存好正在填写的内容后再重新加载。", "A new version is ready. Reload when you have finished what you are typing.";
    ReloadNow => "重新加载", "Reload";
    PersistGranted => "已获持久存储（浏览器不会自动清除）", "Persistent storage granted (the browser will not evict it)";
    PersistDenied => "未获持久存储：请将应用添加到主屏幕，并定期导出备份", "Persistent storage not granted: add the app to the home screen and export backups regularly";
    PersistUnknown => "持久存储：浏览器未答复", "Persistent storage: no answer from the browser";
    StorageUsed => "已用", "used";
    StorageQuota => "可用上限", "quota";
    Quarantined => "已隔离的损坏数据", "Damaged data set aside";
    QuarantinedHint => "这些数据读取时未通过校验，已原样保留。可下载后检查或修复再导入。", "These stored values failed validation and were kept as they were. Download them to inspect them, or to repair and import them.";
    ImportDone => "导入成功", "Imported";
    ImportFailed => "导入失败，未做任何更改", "Import failed; nothing was changed";
    StorageOk => "数据自动保存在本设备浏览器中", "Data is saved automatically in this device's browser";
    StorageMemoryOnly => "仅保存在本页内存中", "Kept in this page's memory only";
    ResetDemo => "恢复演示园区", "Restore demo zones";
    WeightsTitle => "权重", "Weights";
    CustomWeights => "自定义", "Custom";
    WeightsFormula => "总分 = 100 × Σ(权重 × 得分) ÷ Σ权重，只计适用的条件；不满足硬性条件的园区列为“已排除”。", "Total = 100 × Σ(weight × score) ÷ Σ weight over the criteria that apply; zones failing a hard limit are listed as excluded.";
    ShowAll => "显示全部", "Show all";
    Excluded => "已排除：", "Excluded:";
    MustHaveFactory => "厂房为必需条件", "Factory space is a must-have";
    MustHaveLand => "用地为必需条件", "Land is a must-have";
    ProspectsForZone => "适合本园区的意向企业", "Prospects ranked for this zone";
    NoProspectsForZone => "还没有意向企业可排名", "No prospects to rank yet";
    Restricted => "限制引进行业", "Restricted industries";
    RestrictedField => "限制引进行业（行业代码或名称，用逗号分隔，如“25, 高耗能”）", "Restricted industries (codes or words, comma-separated, e.g. “25, energy-intensive”)";
    EditedInTwoTabs => "同一记录刚在两个标签页中被同时修改：两边的改动都已保留，同一字段冲突时另一页的版本已另存（见“数据”页）。", "The same records were just changed in two tabs: both kept their changes; where both changed one field, the other version was set aside (see the Data screen).";
    Undo => "撤销", "Undo";
    RestoreDemoWillOverwrite => "将覆盖以下园区的修改：", "This overwrites your changes to these zones:";
    RestoreDemoWillAdd => "将重新加入的演示园区：", "Demo zones that will be added back:";
    RestoreDemoNothing => "演示园区与原始资料一致，无需恢复。", "The demo zones already match the source facts: nothing to restore.";
    RestoreDemoConfirm => "确认恢复", "Restore";
    ImportWillOverwrite => "将用文件中的值覆盖以下字段（可撤销）：", "This overwrites these fields with the file's values (you can undo it):";
    SetAside => "另存的数据", "Data set aside";
    ResetDemoHint => "把演示园区恢复为原始资料：先列出将覆盖的内容，确认后才恢复，可撤销", "Restore the demo zones to the source facts: you see what would be overwritten first, and can undo it";
    NotFoundTitle => "找不到这个页面", "Page not found";
    NotFoundText => "这个链接指向的园区、企业或页面不在本机数据中（可能已删除，或链接有误）。", "The zone, prospect or page this link points to is not in the data on this device (it may have been deleted, or the link is wrong).";
    MayBeOutOfDate => "可能已过时（超过12个月未更新）", "may be out of date (not updated for over 12 months)";
    AllKinds => "全部类型", "All kinds";
    WithFreeSpace => "有可用厂房", "With free factory space";
    PickedToCompare => "已选对比", "Picked to compare";
    CompareZones => "并排对比", "Compare side by side";
    Compare => "对比", "Compare";
    Clear => "清除", "Clear";
    ExcludedZones => "已排除的园区", "Excluded zones";
    OpenZoneProfile => "查看园区详情", "Open the zone profile";
    ProspectWord => "意向企业", "Prospect";
    VisitorModeOn => "访客模式", "Visitor mode";
    VisitorModeOff => "退出访客模式", "Leave visitor mode";
    LeaveVisitorModeAsk => "退出访客模式？（请招商人员操作）", "Leave visitor mode? (For the recruiter.)";
    EditProspectTitle => "修改意向企业", "Edit prospect";
    FollowingZone => "跟进园区（项目落地园区）", "Zone following it (where the project is to settle)";
    NotDecided => "未定", "Not decided";
    HiddenInVisitorMode => "访客模式下不显示此页。请招商人员退出访客模式后查看。", "This screen is hidden in visitor mode. The recruiter can leave visitor mode to see it.";
    BriefTitle => "投资简报", "Investment brief";
    BriefFor => "项目", "Project";
    BriefTopZones => "最匹配的园区", "Best-matching zones";
    BriefLanguage => "简报语言", "Brief language";
    Print => "打印", "Print";
    Share => "分享", "Share";
    OpenBrief => "简报", "Brief";
    CopiedToClipboard => "已复制到剪贴板", "Copied to the clipboard";
    ShareFailed => "无法分享或复制：请改用打印", "Could not share or copy: print the brief instead";
    ScanForContact => "扫码保存联系人", "Scan to save the contact";
    ApplicableIncentives => "适用的优惠政策", "Incentives that apply";
    ZoneContact => "园区联系人", "Zone contact";
    NoMatchesForBrief => "还没有可推荐的园区：请补充行业或产品。", "No zone to recommend yet: add the industry or products.";
    BriefDate => "日期", "Date";
    Score => "匹配度", "Fit";
    PickTwoToCompare => "请在园区列表或企业的匹配结果中勾选 2 至 4 个园区进行对比。", "Tick 2 to 4 zones in the zone list or in a prospect's matches to compare them.";
    DifferencesMarked => "各园区不同的行已标出；各园区都未知的行不显示。", "Rows where the zones differ are marked; rows unknown for every zone are left out.";
    LinksPresent => "已有链条环节", "Chain links present";
    LinksWanted => "招引中的环节", "Chain links wanted";
    AllStages => "全部阶段", "All stages";
    MonthlyReport => "月报", "Monthly report";
    BestZone => "最匹配园区", "Best zone";
    LastMoved => "最近推进", "Last moved";
    NeedsReview => "待核对", "Needs review";
    KeptAsTyped => "按原文保存、待核对：", "Kept as typed, to review:";
    DateUnknown => "日期未记录", "date not recorded";
    StandingReason => "暂缓或流失的原因", "Reason for pausing or losing it";
    MarkPaused => "标为暂缓", "Mark paused";
    MarkLost => "标为流失", "Mark lost";
    Resume => "恢复推进", "Resume";
    CompareTopThree => "对比前三个园区", "Compare the top three zones";
    ExportReportCsv => "导出月报（CSV）", "Export the report (CSV)";
    ReportInvestment => "本月投资额", "Investment this month";
    ReportInvestmentYear => "本年累计投资额", "Investment year to date";
    NewVisitor => "新访客", "New visitor";
    NewVisitorAsk => "表单中还有上一位访客的内容：先保存，还是放弃？", "The form still holds the last visitor's details: save them first, or discard them?";
    SaveAndStartNew => "保存后新建", "Save, then start new";
    DiscardAndStartNew => "放弃并新建", "Discard, then start new";
    CodeNameField => "代号（访客模式下显示）", "Code name (shown in visitor mode)";
}

/// A record field named by its JSON key (as [`crate::merge::changed_fields`] gives it),
/// as a user reads it: what a confirmation says will be overwritten. A key this version
/// has no label for (one written by a newer version) is shown with its underscores as
/// spaces.
pub fn field_label(key: &str, lang: Lang) -> String {
    match known_field_label(key, lang) {
        Some(label) => label.to_string(),
        None => key.replace('_', " "),
    }
}

/// The label of a column key the import's mapping step offers (see
/// [`crate::columns`]): zone keys when `zones`, else prospect keys.
pub fn import_field_label(key: &str, zones: bool, lang: Lang) -> String {
    let (zh, en) = match (key, zones) {
        ("serial", _) => ("序号（不导入）", "row number (not imported)"),
        ("project", _) => ("项目名称", "project name"),
        ("name", _) => ("企业名称", "company name"),
        ("contact", _) => ("联系人（记入备注）", "contact (kept in the notes)"),
        ("phone", _) => ("电话（记入备注）", "phone (kept in the notes)"),
        ("signed_date", _) => ("签约日期", "date signed"),
        ("started_date", _) => ("开工日期", "date started"),
        ("operating_date", _) => ("投产日期", "date in operation"),
        ("must_factory", _) => ("厂房为必需", "factory must-have"),
        ("must_land", _) => ("用地为必需", "land must-have"),
        ("history", _) => ("阶段记录", "stage history"),
        ("name_zh", _) => ("名称（中文）", "name (Chinese)"),
        ("name_en", _) => ("名称（英文）", "name (English)"),
        ("code", _) => ("国家开发区目录代码", "national catalogue code"),
        ("leading", _) => (
            "主导产业（按“、”分为产业集群）",
            "leading industries (split into clusters)",
        ),
        ("province", _) => ("省份（记入所在地）", "province (into the location)"),
        ("location_zh", _) => ("所在地（中文）", "location (Chinese)"),
        ("location_en", _) => ("所在地（英文）", "location (English)"),
        ("summary_zh", _) => ("简介（中文）", "summary (Chinese)"),
        ("summary_en", _) => ("简介（英文）", "summary (English)"),
        ("land_mu", true) => ("可用土地（亩）", "land available (mu)"),
        ("land_mu", false) => ("用地需求（亩）", "land needed (mu)"),
        ("min_intensity", _) => (
            "投资强度下限（万元/亩）",
            "minimum intensity (10k CNY per mu)",
        ),
        ("investment_wan", _) => ("计划投资（万元）", "investment (10k CNY)"),
        ("factory_m2", _) => ("厂房需求（平方米）", "factory space needed (m²)"),
        _ => return field_label(key, lang),
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The label of a field this version knows (every key in the `FIELDS` of the record types
/// of [`crate::model`], nested ones included), or `None`.
pub fn known_field_label(key: &str, lang: Lang) -> Option<&'static str> {
    let (zh, en) = match key {
        "id" => ("编号", "ID"),
        "name" => ("名称", "name"),
        "kind" => ("类型", "kind"),
        "location" => ("所在地", "location"),
        "summary" => ("简介", "summary"),
        "clusters" => ("产业集群", "clusters"),
        "keywords" => ("关键词", "keywords"),
        "codes" => ("行业代码", "industry codes"),
        "links" => ("产业链环节", "chain links"),
        "status" => ("环节状态", "link status"),
        "factory" => ("标准厂房", "factory space"),
        "planned_m2" => ("规划厂房", "planned factory space"),
        "built_m2" => ("已建成厂房", "built factory space"),
        "occupancy_pct" => ("厂房使用率", "share of factory space in use"),
        "available_m2" => ("可用厂房", "free factory space"),
        "land" => ("用地", "land"),
        "land_available_mu" => ("可用土地", "land available"),
        "land_note" => ("土地说明", "land note"),
        "min_investment_wan" => ("最低投资额", "minimum investment"),
        "min_intensity_wan_per_mu" => ("投资强度下限", "minimum intensity"),
        "restricted" => ("限制引进行业", "restricted industries"),
        "incentives" => ("优惠政策", "incentives"),
        "category" => ("政策类别", "policy category"),
        "max_wan" => ("政策最高金额", "most the policy pays"),
        "requires_factory" => ("限租购厂房项目", "only for projects using factory space"),
        "requires_land" => ("限用地项目", "only for projects needing land"),
        "incentive_count" => ("政策总数", "number of policies"),
        "incentive_cap_wan" => ("政策上限", "incentive cap"),
        "services" => ("服务", "services"),
        "target_regions" => ("重点招商区域", "target regions"),
        "contacts" => ("联系人", "contacts"),
        "role" => ("职务", "role"),
        "phone" => ("电话", "phone"),
        "email" => ("邮箱", "email"),
        "website" => ("网址", "website"),
        "as_of" => ("数据截至", "as-of date"),
        "source" => ("来源", "source"),
        "catalogue_code" => ("国家开发区目录代码", "national catalogue code"),
        "level" => ("级别", "level"),
        "approved" => ("批准时间", "approved"),
        "approved_area_ha" => ("核准面积（公顷）", "approved planning area (ha)"),
        "industry" => ("行业", "industry"),
        "products" => ("主要产品", "products"),
        "investment_wan" => ("计划投资", "investment"),
        "investment_text" => ("计划投资（原文）", "investment as typed"),
        "factory_m2" => ("厂房需求", "factory space needed"),
        "factory_text" => ("厂房需求（原文）", "factory space as typed"),
        "land_mu" => ("用地需求", "land needed"),
        "land_text" => ("用地需求（原文）", "land as typed"),
        "jobs" => ("就业人数", "jobs"),
        "must_have" => ("必需条件", "must-haves"),
        "origin" => ("来自地区", "origin"),
        "notes" => ("备注", "notes"),
        "stage" => ("阶段", "stage"),
        "stage_history" => ("阶段记录", "stage history"),
        "date" => ("日期", "date"),
        "standing" => ("跟进状态", "status"),
        "standing_reason" => ("暂缓或流失原因", "why paused or lost"),
        "created" => ("登记时间", "capture time"),
        "zone_id" => ("跟进园区", "assigned zone"),
        "code_name" => ("代号", "code name"),
        _ => return None,
    };
    Some(match lang {
        Lang::Zh => zh,
        Lang::En => en,
    })
}

/// `n` and a noun that agrees with it: "1 prospect", "0 prospects", "2 prospects".
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What is counted in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    Zone,
    Prospect,
    Policy,
    Field,
    Record,
    Job,
}

impl Noun {
    pub const ALL: [Noun; 6] = [
        Noun::Zone,
        Noun::Prospect,
        Noun::Policy,
        Noun::Field,
        Noun::Record,
        Noun::Job,
    ];
}

/// A count with its noun: "1 zone" / "6 zones"; in Chinese with its measure word,
/// "6 个园区", "3 家意向企业".
pub fn count(n: usize, noun: Noun, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let word = match noun {
                Noun::Zone => "个园区",
                Noun::Prospect => "家意向企业",
                Noun::Policy => "项政策",
                Noun::Field => "个字段",
                Noun::Record => "条记录",
                Noun::Job => "个就业岗位",
            };
            format!("{n} {word}")
        }
        Lang::En => {
            let (one, many) = match noun {
                Noun::Zone => ("zone", "zones"),
                Noun::Prospect => ("prospect", "prospects"),
                Noun::Policy => ("policy", "policies"),
                Noun::Field => ("field", "fields"),
                Noun::Record => ("record", "records"),
                Noun::Job => ("job", "jobs"),
            };
            count_noun(n, one, many)
        }
    }
}

pub fn kind_label(kind: ZoneKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ZoneKind::HighTech, Lang::Zh) => "高新区",
        (ZoneKind::HighTech, Lang::En) => "High-tech zone",
        (ZoneKind::EconomicTechnological, Lang::Zh) => "经开区",
        (ZoneKind::EconomicTechnological, Lang::En) => "Economic development zone",
        (ZoneKind::Demonstration, Lang::Zh) => "示范区",
        (ZoneKind::Demonstration, Lang::En) => "Demonstration zone",
        (ZoneKind::Other, Lang::Zh) => "园区",
        (ZoneKind::Other, Lang::En) => "Industrial park",
    }
}

pub fn stage_label(stage: Stage, lang: Lang) -> &'static str {
    match (stage, lang) {
        (Stage::Lead, Lang::Zh) => "线索",
        (Stage::Lead, Lang::En) => "Lead",
        (Stage::Contacted, Lang::Zh) => "接洽",
        (Stage::Contacted, Lang::En) => "Contacted",
        (Stage::Negotiating, Lang::Zh) => "在谈",
        (Stage::Negotiating, Lang::En) => "Negotiating",
        (Stage::Signed, Lang::Zh) => "签约",
        (Stage::Signed, Lang::En) => "Signed",
        (Stage::Started, Lang::Zh) => "开工",
        (Stage::Started, Lang::En) => "Construction started",
        (Stage::Operating, Lang::Zh) => "投产",
        (Stage::Operating, Lang::En) => "Operating",
    }
}

pub fn criterion_label(kind: CriterionKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CriterionKind::Industry, Lang::Zh) => "产业匹配",
        (CriterionKind::Industry, Lang::En) => "Industry fit",
        (CriterionKind::Space, Lang::Zh) => "空间匹配",
        (CriterionKind::Space, Lang::En) => "Space fit",
        (CriterionKind::Investment, Lang::Zh) => "投资门槛",
        (CriterionKind::Investment, Lang::En) => "Investment thresholds",
        (CriterionKind::Chain, Lang::Zh) => "链位",
        (CriterionKind::Chain, Lang::En) => "Chain role",
        (CriterionKind::Incentives, Lang::Zh) => "优惠政策",
        (CriterionKind::Incentives, Lang::En) => "Incentives",
        (CriterionKind::Region, Lang::Zh) => "来源区域",
        (CriterionKind::Region, Lang::En) => "Origin region",
    }
}

pub fn preset_label(p: Preset, lang: Lang) -> &'static str {
    match (p, lang) {
        (Preset::Balanced, Lang::Zh) => "均衡",
        (Preset::Balanced, Lang::En) => "Balanced",
        (Preset::ChainFirst, Lang::Zh) => "链条优先",
        (Preset::ChainFirst, Lang::En) => "Chain first",
        (Preset::SpaceCritical, Lang::Zh) => "空间优先",
        (Preset::SpaceCritical, Lang::En) => "Space critical",
        (Preset::IncentiveSeeking, Lang::Zh) => "政策优先",
        (Preset::IncentiveSeeking, Lang::En) => "Incentive seeking",
    }
}

fn relation_label(r: Relation, lang: Lang) -> &'static str {
    match (r, lang) {
        (Relation::Same, Lang::Zh) => "同一行业",
        (Relation::Same, Lang::En) => "the same industry",
        (Relation::Contains, Lang::Zh) => "上下位行业",
        (Relation::Contains, Lang::En) => "a parent or sub-industry",
        (Relation::SameGroup, Lang::Zh) => "同一中类",
        (Relation::SameGroup, Lang::En) => "the same industry group",
        (Relation::SameDivision, Lang::Zh) => "同一大类",
        (Relation::SameDivision, Lang::En) => "the same industry division",
        (Relation::SameDomain, Lang::Zh) => "同一战略性新兴产业领域",
        (Relation::SameDomain, Lang::En) => "the same strategic emerging industry domain",
        (Relation::SameSection, Lang::Zh) => "同一门类",
        (Relation::SameSection, Lang::En) => "the same industry section",
        (Relation::Unrelated, Lang::Zh) => "无关",
        (Relation::Unrelated, Lang::En) => "unrelated",
    }
}

/// Render a failed hard limit as a sentence.
pub fn exclusion(e: &Exclusion, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match e {
        Exclusion::RestrictedIndustry { restriction } => {
            let name = crate::taxonomy::taxonomy()
                .find(restriction)
                .map(|e| format!("{restriction} {}", if zh { &e.zh } else { &e.en }))
                .unwrap_or_else(|| restriction.clone());
            if zh {
                format!("园区限制引进的行业：{name}")
            } else {
                format!("The zone does not admit this industry: “{name}”")
            }
        }
        Exclusion::FactoryMustHave {
            need_m2,
            available_m2,
        } => {
            if zh {
                format!(
                    "必须有 {} 厂房，园区仅有 {}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang)
                )
            } else {
                format!(
                    "Must have {} of factory space; the zone has only {}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang)
                )
            }
        }
        Exclusion::LandMustHave {
            need_mu,
            available_mu,
        } => {
            if zh {
                format!(
                    "必须有 {} 土地，园区仅有 {}",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            } else {
                format!(
                    "Must have {} of land; the zone has only {}",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            }
        }
    }
}

pub fn incentive_category_label(c: IncentiveCategory, lang: Lang) -> &'static str {
    match (c, lang) {
        (IncentiveCategory::Reward, Lang::Zh) => "奖励类",
        (IncentiveCategory::Reward, Lang::En) => "Reward",
        (IncentiveCategory::Subsidy, Lang::Zh) => "补贴类",
        (IncentiveCategory::Subsidy, Lang::En) => "Subsidy",
        (IncentiveCategory::Support, Lang::Zh) => "扶持类",
        (IncentiveCategory::Support, Lang::En) => "Support",
    }
}

pub fn chain_stage_label(s: ChainStage, lang: Lang) -> &'static str {
    match (s, lang) {
        (ChainStage::Upstream, Lang::Zh) => "上游",
        (ChainStage::Upstream, Lang::En) => "upstream",
        (ChainStage::Midstream, Lang::Zh) => "中游",
        (ChainStage::Midstream, Lang::En) => "midstream",
        (ChainStage::Downstream, Lang::Zh) => "下游",
        (ChainStage::Downstream, Lang::En) => "downstream",
        (ChainStage::Unknown, _) => "",
    }
}

pub fn link_status_label(s: LinkStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (LinkStatus::Present, Lang::Zh) => "已有",
        (LinkStatus::Present, Lang::En) => "present",
        (LinkStatus::Wanted, Lang::Zh) => "招引中",
        (LinkStatus::Wanted, Lang::En) => "wanted",
    }
}

/// The category tag shown before a policy's name, or `None` when the English name already
/// says it: "Subsidy" before "Rent subsidy" would read "Subsidy Rent subsidy". Chinese
/// keeps the tag (补贴类 房租补贴 is how policy lists are written).
pub fn incentive_tag(c: IncentiveCategory, name: &Text, lang: Lang) -> Option<&'static str> {
    let label = incentive_category_label(c, lang);
    let stem = match (c, lang) {
        (_, Lang::Zh) => return Some(label),
        (IncentiveCategory::Reward, Lang::En) => "reward",
        (IncentiveCategory::Subsidy, Lang::En) => "subsid",
        (IncentiveCategory::Support, Lang::En) => "support",
    };
    let shown = name.get(lang).to_lowercase();
    (!shown.contains(stem)).then_some(label)
}

/// A number with thousands separators and at most two decimals: 1234567.5 → "1,234,567.5".
pub fn fmt_num(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let neg = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let mut out = if neg { format!("-{grouped}") } else { grouped };
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

pub fn fmt_m2(v: f64, _lang: Lang) -> String {
    format!("{} m²", fmt_num(v))
}

pub fn fmt_mu(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 亩", fmt_num(v)),
        Lang::En => format!("{} mu", fmt_num(v)),
    }
}

/// Money given in 万元: "6.2亿元" / "CNY 620 million".
pub fn fmt_wan(wan: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if wan >= 10_000.0 => format!("{}亿元", fmt_num(wan / 10_000.0)),
        Lang::Zh => format!("{}万元", fmt_num(wan)),
        Lang::En if wan >= 100_000.0 => format!("CNY {} billion", fmt_num(wan / 100_000.0)),
        Lang::En => format!("CNY {} million", fmt_num(wan / 100.0)),
    }
}

/// Money per 亩 given in 万元 per 亩 (investment intensity): "300万元/亩" / "CNY 3 million per mu".
pub fn fmt_wan_per_mu(wan: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}/亩", fmt_wan(wan, lang)),
        Lang::En => format!("{} per mu", fmt_wan(wan, lang)),
    }
}

/// Render one reason of the matching engine as a sentence.
pub fn reason(r: &Reason, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let est = |estimated: bool| match (estimated, zh) {
        (false, _) => String::new(),
        (true, true) => "（估算）".to_string(),
        (true, false) => " (estimated)".to_string(),
    };
    match r {
        Reason::NoIndustryGiven => Msg::TypeToMatch.text(lang).to_string(),
        Reason::IndustryMatch { cluster, link, via } => {
            let place = match (link, zh) {
                (Some(l), true) => {
                    format!("产业集群「{}」的环节「{}」", cluster.get(lang), l.get(lang))
                }
                (Some(l), false) => {
                    format!("cluster “{}” via “{}”", cluster.get(lang), l.get(lang))
                }
                (None, true) => format!("产业集群「{}」", cluster.get(lang)),
                (None, false) => format!("cluster “{}”", cluster.get(lang)),
            };
            let evidence: Vec<String> = via
                .iter()
                .map(|v| match (v, zh) {
                    (MatchVia::Term { term, coverage }, true) => {
                        format!("关键词“{term}”（覆盖 {}%）", (coverage * 100.0).round())
                    }
                    (MatchVia::Term { term, coverage }, false) => {
                        format!("term “{term}” ({}% found)", (coverage * 100.0).round())
                    }
                    (
                        MatchVia::Taxonomy {
                            prospect_code,
                            prospect_name,
                            zone_code,
                            zone_name,
                            relation,
                        },
                        _,
                    ) => {
                        if prospect_code == zone_code {
                            // Never "3841 … and 3841 … are the same industry".
                            if zh {
                                format!(
                                    "行业分类 {prospect_code} {}，与园区一致",
                                    prospect_name.get(lang)
                                )
                            } else {
                                format!(
                                    "industry class {prospect_code} {}, the zone's own",
                                    prospect_name.get(lang)
                                )
                            }
                        } else if zh {
                            format!(
                                "行业分类 {prospect_code} {} 与 {zone_code} {} 属{}",
                                prospect_name.get(lang),
                                zone_name.get(lang),
                                relation_label(*relation, lang)
                            )
                        } else {
                            format!(
                                "industry class {prospect_code} {} and {zone_code} {} are {}",
                                prospect_name.get(lang),
                                zone_name.get(lang),
                                relation_label(*relation, lang)
                            )
                        }
                    }
                })
                .collect();
            if zh {
                format!("匹配{place}：{}", evidence.join("；"))
            } else {
                format!("Matches {place}: {}", evidence.join("; "))
            }
        }
        Reason::ChainRole {
            role,
            cluster,
            link,
        } => {
            let l = link
                .as_ref()
                .map(|l| l.get(lang).to_string())
                .unwrap_or_default();
            match (role, zh) {
                (ChainRole::FillsGap, true) => format!("补链：园区正在招引「{l}」环节"),
                (ChainRole::FillsGap, false) => {
                    format!("Fills a gap in the chain: the zone is recruiting for “{l}”")
                }
                (ChainRole::Strengthens, true) => format!("强链：园区已有「{l}」环节，可配套扩能"),
                (ChainRole::Strengthens, false) => {
                    format!("Strengthens the chain: the zone already has “{l}”")
                }
                (ChainRole::Extends, true) => {
                    format!("延链：属「{}」集群，但园区尚无对应环节", cluster.get(lang))
                }
                (ChainRole::Extends, false) => format!(
                    "Extends the chain: in the “{}” cluster, where the zone has no such link yet",
                    cluster.get(lang)
                ),
            }
        }
        Reason::NoChainRelation => if zh {
            "与园区产业链无关联"
        } else {
            "No relation to the zone's chains"
        }
        .to_string(),
        Reason::NoIncentivesListed => if zh {
            "园区未公布具体政策，不计分"
        } else {
            "The zone lists no specific policies; not scored"
        }
        .to_string(),
        Reason::NoProjectFacts => if zh {
            "未填写投资或面积，无法判断政策适用性"
        } else {
            "No investment or space figures to judge eligibility by"
        }
        .to_string(),
        Reason::IncentivesEligible {
            eligible,
            listed,
            value_wan,
            capped_at_wan,
            at_half,
        } => {
            let names: Vec<&str> = eligible.iter().map(|t| t.get(lang)).collect();
            let half = match (at_half, zh) {
                (false, _) => "",
                (true, true) => "，按适用政策比例的一半计分",
                (true, false) => ", so counted at half the share of policies that apply",
            };
            let value = match (value_wan, capped_at_wan, zh) {
                (Some(v), Some(_), true) => {
                    format!("；估计最高 {}（受单企上限限制）", fmt_wan(*v, lang))
                }
                (Some(v), Some(_), false) => {
                    format!(
                        "; worth up to {} (the per-enterprise cap)",
                        fmt_wan(*v, lang)
                    )
                }
                (Some(v), None, true) => format!("；估计最高 {}", fmt_wan(*v, lang)),
                (Some(v), None, false) => format!("; worth up to {}", fmt_wan(*v, lang)),
                (None, _, true) => "；金额未公布".to_string(),
                (None, _, false) => "; amounts not published".to_string(),
            };
            if zh {
                format!(
                    "符合 {}/{} 项政策：{}{value}{half}",
                    eligible.len(),
                    listed,
                    names.join("、")
                )
            } else if *listed == 1 {
                format!(
                    "Qualifies for the zone's one listed policy: {}{value}{half}",
                    names.join(", ")
                )
            } else {
                format!(
                    "Qualifies for {} of {} policies: {}{value}{half}",
                    eligible.len(),
                    listed,
                    names.join(", ")
                )
            }
        }
        Reason::IncentivesNoneEligible { listed } => {
            if zh {
                format!("不符合园区 {listed} 项政策的条件")
            } else if *listed == 1 {
                "Does not qualify for the zone's one listed policy".to_string()
            } else {
                format!(
                    "Qualifies for none of the zone's {}",
                    count(*listed, Noun::Policy, lang)
                )
            }
        }
        Reason::NoOriginGiven => if zh {
            "未填写来自地区"
        } else {
            "No origin given"
        }
        .to_string(),
        Reason::NotInCatalogue => if zh {
            "仅有国家开发区目录的资料（名称、类型、主导产业），此项无法判断，不计分"
        } else {
            "Known only from the national catalogue (name, kind, leading industries): not scored"
        }
        .to_string(),
        Reason::NoTargetRegions => if zh {
            "园区未公布重点招商区域，不计分"
        } else {
            "The zone names no target regions; not scored"
        }
        .to_string(),
        Reason::RegionTargeted { region } => {
            if zh {
                format!("来自园区重点招商区域：{}", region.get(lang))
            } else {
                format!("Comes from a region the zone targets: {}", region.get(lang))
            }
        }
        Reason::RegionNotTargeted { origin } => {
            if zh {
                format!("来自 {origin}，不在园区重点招商区域内")
            } else {
                format!("Comes from “{origin}”, outside the zone's target regions")
            }
        }
        Reason::IndustryNoMatch => if zh {
            "与园区各产业集群均不匹配"
        } else {
            "No match with any of the zone's clusters"
        }
        .to_string(),
        Reason::NoSpaceNeed => if zh {
            "未提出厂房或用地需求"
        } else {
            "No factory or land need given"
        }
        .to_string(),
        Reason::FactoryFits {
            need_m2,
            available_m2,
            estimated,
        } => {
            if zh {
                format!(
                    "需要厂房 {}，可用 {}{}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang),
                    est(*estimated)
                )
            } else {
                format!(
                    "Needs {} of factory space, {} available{}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang),
                    est(*estimated)
                )
            }
        }
        Reason::FactoryShort {
            need_m2,
            available_m2,
            estimated,
        } => {
            if zh {
                format!(
                    "需要厂房 {}，仅可用 {}{}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang),
                    est(*estimated)
                )
            } else {
                format!(
                    "Needs {} of factory space, only {} available{}",
                    fmt_m2(*need_m2, lang),
                    fmt_m2(*available_m2, lang),
                    est(*estimated)
                )
            }
        }
        Reason::FactoryUnknown { need_m2, must_have } => {
            let m2 = fmt_m2(*need_m2, lang);
            match (must_have, zh) {
                (true, true) => format!("必需厂房 {m2}：园区未公布可用面积，需与园区核实（按一半计分）"),
                (true, false) => format!(
                    "Must have {m2} of factory space: not published, to be checked with the zone (counted at half)"
                ),
                (false, true) => format!("需要厂房 {m2}，园区未公布可用面积（按一半计分）"),
                (false, false) => format!(
                    "Needs {m2} of factory space; the zone has not published its free space (counted at half)"
                ),
            }
        }
        Reason::LandFits {
            need_mu,
            available_mu,
        } => {
            if zh {
                format!(
                    "需要用地 {}，可用 {}",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            } else {
                format!(
                    "Needs {} of land, {} available",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            }
        }
        Reason::LandShort {
            need_mu,
            available_mu,
        } => {
            if zh {
                format!(
                    "需要用地 {}，仅可用 {}",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            } else {
                format!(
                    "Needs {} of land, only {} available",
                    fmt_mu(*need_mu, lang),
                    fmt_mu(*available_mu, lang)
                )
            }
        }
        Reason::LandUnknown { need_mu, must_have } => {
            let mu = fmt_mu(*need_mu, lang);
            match (must_have, zh) {
                (true, true) => format!("必需用地 {mu}：园区未公布可用土地，需与园区核实（按一半计分）"),
                (true, false) => format!(
                    "Must have {mu} of land: not published, to be checked with the zone (counted at half)"
                ),
                (false, true) => format!("需要用地 {mu}，园区未公布可用土地（按一半计分）"),
                (false, false) => format!(
                    "Needs {mu} of land; the zone has not published its free land (counted at half)"
                ),
            }
        }
        Reason::NoInvestmentGiven => if zh {
            "未填写计划投资"
        } else {
            "No planned investment given"
        }
        .to_string(),
        Reason::InvestmentMeetsMinimum {
            investment_wan,
            minimum_wan,
        } => {
            if zh {
                format!(
                    "计划投资 {}，达到最低 {}",
                    fmt_wan(*investment_wan, lang),
                    fmt_wan(*minimum_wan, lang)
                )
            } else {
                format!(
                    "Investing {}, meets the {} minimum",
                    fmt_wan(*investment_wan, lang),
                    fmt_wan(*minimum_wan, lang)
                )
            }
        }
        Reason::InvestmentBelowMinimum {
            investment_wan,
            minimum_wan,
        } => {
            if zh {
                format!(
                    "计划投资 {}，低于最低 {}",
                    fmt_wan(*investment_wan, lang),
                    fmt_wan(*minimum_wan, lang)
                )
            } else {
                format!(
                    "Investing {}, below the {} minimum",
                    fmt_wan(*investment_wan, lang),
                    fmt_wan(*minimum_wan, lang)
                )
            }
        }
        Reason::IntensityMeets {
            intensity_wan_per_mu,
            minimum_wan_per_mu,
        } => {
            if zh {
                format!(
                    "投资强度 {}/亩，达到下限 {}/亩",
                    fmt_wan(*intensity_wan_per_mu, lang),
                    fmt_wan(*minimum_wan_per_mu, lang)
                )
            } else {
                format!(
                    "Intensity {} per mu, meets the {} per mu minimum",
                    fmt_wan(*intensity_wan_per_mu, lang),
                    fmt_wan(*minimum_wan_per_mu, lang)
                )
            }
        }
        Reason::IntensityBelow {
            intensity_wan_per_mu,
            minimum_wan_per_mu,
        } => {
            if zh {
                format!(
                    "投资强度 {}/亩，低于下限 {}/亩",
                    fmt_wan(*intensity_wan_per_mu, lang),
                    fmt_wan(*minimum_wan_per_mu, lang)
                )
            } else {
                format!(
                    "Intensity {} per mu, below the {} per mu minimum",
                    fmt_wan(*intensity_wan_per_mu, lang),
                    fmt_wan(*minimum_wan_per_mu, lang)
                )
            }
        }
        Reason::NoThresholdPublished => if zh {
            "园区未公布投资门槛，不计分"
        } else {
            "The zone publishes no investment threshold; not scored"
        }
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(crate::text::normalize::is_cjk)
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for m in Msg::ALL {
            let (zh, en) = (m.text(Lang::Zh), m.text(Lang::En));
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            // The language switch label is the one string meant to be in the other language.
            if *m != Msg::SwitchLanguage {
                assert!(has_cjk(zh), "{m:?} zh should be Chinese: {zh}");
                assert_ne!(zh, en, "{m:?} is untranslated");
            }
        }
    }

    #[test]
    fn number_formatting() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (60000.0, "60,000"),
            (1_234_567.5, "1,234,567.5"),
            (0.25, "0.25"),
        ];
        for (v, s) in cases {
            assert_eq!(fmt_num(*v), *s);
        }
        assert_eq!(fmt_wan(62_000.0, Lang::Zh), "6.2亿元");
        assert_eq!(fmt_wan(5_000.0, Lang::Zh), "5,000万元");
        assert_eq!(fmt_wan(62_000.0, Lang::En), "CNY 620 million");
        assert_eq!(fmt_wan(200_000.0, Lang::En), "CNY 2 billion");
    }

    #[test]
    fn reasons_read_in_both_languages() {
        let r = Reason::FactoryFits {
            need_m2: 20_000.0,
            available_m2: 60_000.0,
            estimated: true,
        };
        assert_eq!(
            reason(&r, Lang::Zh),
            "需要厂房 20,000 m²，可用 60,000 m²（估算）"
        );
        assert_eq!(
            reason(&r, Lang::En),
            "Needs 20,000 m² of factory space, 60,000 m² available (estimated)"
        );
        let m = Reason::IndustryMatch {
            cluster: Text::new("新一代信息技术", "New-generation information technology"),
            link: Some(Text::new("集成电路封装", "IC packaging")),
            via: vec![MatchVia::Term {
                term: "封测".into(),
                coverage: 1.0,
            }],
        };
        assert!(reason(&m, Lang::Zh)
            .starts_with("匹配产业集群「新一代信息技术」的环节「集成电路封装」"));
        assert!(reason(&m, Lang::En).contains("via “IC packaging”"));
    }
}
