//! Region pairs by city for each provider pair, used when the mapping file
//! has no entry (each use is noted), each with its reason.

/// Alibaba region -> FunctionGraph region, used when the mapping file has no
/// entry (each use is noted), with the reason. Only pairs in the same city or
/// metro area, or (Hangzhou, Zhangjiakou: no FunctionGraph region there) the
/// nearest one still free, so a migrated function stays near its users. It is
/// one-to-one both ways, so Huawei -> Alibaba reads it backwards; regions with
/// no defensible partner (Chengdu: Guiyang is 500 km off; Frankfurt, Virginia,
/// ...) have none and need a `regions` entry.
pub const BUILTIN_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-beijing", "cn-north-4", "Beijing"),
    ("cn-shanghai", "cn-east-3", "Shanghai"),
    ("cn-hangzhou", "cn-east-2", "Hangzhou -> Shanghai (no FunctionGraph region in Hangzhou; 170 km)"),
    ("cn-zhangjiakou", "cn-north-1", "Zhangjiakou -> Beijing (no FunctionGraph region in Zhangjiakou; 180 km)"),
    ("cn-shenzhen", "cn-south-1", "Shenzhen -> Guangzhou (same Pearl River Delta metro area)"),
    ("cn-hongkong", "ap-southeast-1", "Hong Kong"),
    ("cn-wulanchabu", "cn-north-9", "Ulanqab"),
    ("ap-southeast-1", "ap-southeast-3", "Singapore"),
    ("ap-southeast-3", "my-kualalumpur-1", "Kuala Lumpur"),
    ("ap-southeast-5", "ap-southeast-4", "Jakarta"),
    ("ap-southeast-7", "ap-southeast-2", "Bangkok"),
    ("me-central-1", "me-east-1", "Riyadh"),
];

/// Lambda region -> Alibaba region, by city, as [`BUILTIN_REGIONS`].
pub const BUILTIN_AWS_ALIBABA_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-north-1", "cn-beijing", "Beijing"),
    ("ap-east-1", "cn-hongkong", "Hong Kong"),
    ("ap-southeast-1", "ap-southeast-1", "Singapore"),
    ("ap-southeast-5", "ap-southeast-3", "Kuala Lumpur (AWS Malaysia)"),
    ("ap-southeast-3", "ap-southeast-5", "Jakarta"),
    ("ap-southeast-7", "ap-southeast-7", "Bangkok (AWS Thailand)"),
    ("ap-northeast-1", "ap-northeast-1", "Tokyo"),
    ("ap-northeast-2", "ap-northeast-2", "Seoul"),
    ("eu-central-1", "eu-central-1", "Frankfurt"),
    ("eu-west-2", "eu-west-1", "London"),
    ("us-east-1", "us-east-1", "Virginia"),
    ("us-west-1", "us-west-1", "Northern California / Silicon Valley"),
];

/// Lambda region -> FunctionGraph region, by city, as [`BUILTIN_REGIONS`].
pub const BUILTIN_AWS_HUAWEI_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-north-1", "cn-north-4", "Beijing"),
    ("ap-east-1", "ap-southeast-1", "Hong Kong"),
    ("ap-southeast-1", "ap-southeast-3", "Singapore"),
    ("ap-southeast-3", "ap-southeast-4", "Jakarta"),
    ("ap-southeast-5", "my-kualalumpur-1", "Kuala Lumpur (AWS Malaysia)"),
    ("ap-southeast-7", "ap-southeast-2", "Bangkok (AWS Thailand)"),
    ("sa-east-1", "sa-brazil-1", "Sao Paulo"),
    ("eu-west-1", "eu-west-101", "Dublin"),
];

/// Alibaba region -> SCF region, by city, as [`BUILTIN_REGIONS`]. SCF's
/// regions: `facts::tencent::REGIONS`. Hangzhou has no partner (Shanghai is
/// Shanghai's; Nanjing is 250 km off).
pub const BUILTIN_ALIBABA_TENCENT_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-beijing", "ap-beijing", "Beijing"),
    ("cn-shanghai", "ap-shanghai", "Shanghai"),
    (
        "cn-shenzhen",
        "ap-guangzhou",
        "Shenzhen -> Guangzhou (same Pearl River Delta metro area; ap-shenzhen-fsi is for finance only)",
    ),
    ("cn-chengdu", "ap-chengdu", "Chengdu"),
    ("cn-hongkong", "ap-hongkong", "Hong Kong"),
    ("ap-southeast-1", "ap-singapore", "Singapore"),
    ("ap-southeast-5", "ap-jakarta", "Jakarta"),
    ("ap-southeast-7", "ap-bangkok", "Bangkok"),
    ("ap-northeast-1", "ap-tokyo", "Tokyo"),
    ("ap-northeast-2", "ap-seoul", "Seoul"),
    ("eu-central-1", "eu-frankfurt", "Frankfurt"),
    ("us-east-1", "na-ashburn", "Virginia (Ashburn)"),
    ("us-west-1", "na-siliconvalley", "Silicon Valley"),
];

/// FunctionGraph region -> SCF region, by city, as [`BUILTIN_REGIONS`].
pub const BUILTIN_HUAWEI_TENCENT_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-north-4", "ap-beijing", "Beijing"),
    ("cn-east-3", "ap-shanghai", "Shanghai"),
    ("cn-south-1", "ap-guangzhou", "Guangzhou"),
    ("ap-southeast-1", "ap-hongkong", "Hong Kong"),
    ("ap-southeast-3", "ap-singapore", "Singapore"),
    ("ap-southeast-4", "ap-jakarta", "Jakarta"),
    ("ap-southeast-2", "ap-bangkok", "Bangkok"),
    ("sa-brazil-1", "sa-saopaulo", "Sao Paulo"),
];

/// Lambda region -> SCF region, by city, as [`BUILTIN_REGIONS`].
pub const BUILTIN_AWS_TENCENT_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-north-1", "ap-beijing", "Beijing"),
    ("ap-east-1", "ap-hongkong", "Hong Kong"),
    ("ap-southeast-1", "ap-singapore", "Singapore"),
    ("ap-southeast-3", "ap-jakarta", "Jakarta"),
    ("ap-southeast-7", "ap-bangkok", "Bangkok (AWS Thailand)"),
    ("ap-northeast-1", "ap-tokyo", "Tokyo"),
    ("ap-northeast-2", "ap-seoul", "Seoul"),
    ("eu-central-1", "eu-frankfurt", "Frankfurt"),
    ("us-east-1", "na-ashburn", "Northern Virginia (Ashburn)"),
    ("us-west-1", "na-siliconvalley", "Northern California / Silicon Valley"),
    ("sa-east-1", "sa-saopaulo", "Sao Paulo"),
];
