"""Sentences from work plans of many jurisdictions → the mentions they must give.

Each row states only what matters; `expect` fills the rest with "don't care".  The document heading
in each passage sets the citing document's place, which is what relative words (省, 市, 区) and
issued policies (制定《…》) resolve against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from extractors.pipeline import extract_text
from ontology.vocabulary import Kind, Level, LevelSource, Relation, Tier


@dataclass(frozen=True)
class Expect:
    """A mention the passage must contain: `title` plus any fields that matter."""

    title: str
    fields: dict = field(default_factory=dict)

    def found_in(self, mentions) -> bool:
        return any(m.title == self.title and all(getattr(m, k) == v for k, v in self.fields.items()) for m in mentions)


def expect(title: str, **fields) -> Expect:
    return Expect(title, fields)


def mentions_of(text: str, doc: str = "t"):
    return extract_text(text, doc=doc).mentions


FOSHAN = "佛山市教育局2017年工作计划\n"
HANGZHOU = "杭州市教育局2019年工作要点\n"
SICHUAN = "四川省教育厅2020年工作要点\n"
GULOU = "南京市鼓楼区教育局2018年工作计划\n"
HAIDIAN = "北京市海淀区教育委员会2021年工作要点\n"
QINGDAO = "青岛市教育局2018年工作要点\n"
ZHENGZHOU = "郑州市教育局2020年工作计划\n"
KUNMING = "昆明市教育体育局2019年工作要点\n"
HARBIN = "哈尔滨市教育局2018年工作计划\n"
XIAN = "西安市教育局2019年工作要点\n"
HEFEI = "安徽省教育厅2017年工作要点\n"
SHUNDE = "佛山市顺德区教育局2019年工作要点\n"
HEPING = "天津市和平区教育局2019年工作要点\n"
CHANGSHA = "长沙市教育局2021年工作要点\n"
FUZHOU = "福州市教育局2018年工作要点\n"
GUANGXI = "广西壮族自治区教育厅2019年工作要点\n"
NANNING = "南宁市教育局2019年工作要点\n"
LIANGSHAN = "凉山彝族自治州教育局2019年工作要点\n"
EJIN_HORO = "鄂尔多斯市伊金霍洛旗教育体育局2020年工作计划\n"
TIANSHUI = "天水市人力资源和社会保障局2019年工作计划\n"
DALI = "大理白族自治州教育体育局2021年工作要点\n"
TAIYUAN = "太原市环境保护局2018年工作计划\n"
YOUXIAN = "攸县教育局2019年工作要点\n"
KUQA = "库车市卫生健康委员会2020年工作要点\n"  # a county-level city of 阿克苏地区, a prefecture
KAILI = "凯里市科技局2021年工作要点\n"
QIQIHAR = "齐齐哈尔市卫生健康委员会2020年工作要点\n"
CIXI = "慈溪市人力资源和社会保障局2020年工作计划\n"  # a county-level city of 宁波市
GANSU = "甘肃省交通运输厅2019年工作要点\n"
YUDU = "于都县农业农村局2021年工作计划\n"  # a county of 赣州市, 江西省
HAINAN = "海南省生态环境厅2019年工作要点\n"
EJIN_HORO_MARKET = "伊金霍洛旗市场监督管理局2021年工作计划\n"
ZHENGDING = "正定县文化广电和旅游局2020年工作计划\n"
LHASA_CHENGGUAN = "拉萨市城关区农业农村局2020年工作计划\n"
PUDONG = "上海市浦东新区卫生健康委员会2021年工作要点\n"
SHAANXI = "陕西省发展和改革委员会2020年工作要点\n"
DALIAN = "大连市人民政府办公室关于印发大连市2021年优化营商环境工作方案的通知\n"
FEIXI = "肥西县生态环境分局2020年工作计划\n"  # 合肥市; 和县 is another county, of 马鞍山市
MOE = "教育部2019年工作要点\n"  # a national plan
LIUNAN = "柳州市柳南区教育局2020年工作意见\n"  # 广西壮族自治区
CHENGDU = "成都市人民政府关于进一步加强义务教育阶段学校管理的实施意见\n"
XINJIAN = "南昌市新建区财政局2020年工作计划\n"
DATONG = "大同市交通运输局2019年工作计划\n"
XICHANG = "西昌市发展和改革局2021年工作要点\n"  # a county-level city of 凉山彝族自治州
BINHAI = (
    "天津市滨海新区科技局2019年工作计划\n"  # 市 is 天津市, provincial  # a county-level city of 黔东南苗族侗族自治州
)
YUBEI = "重庆市渝北区教育委员会2020年工作计划\n"
KUQA = "库车市卫生健康委员会2020年工作计划\n"
GUIZHOU = "贵州省生态环境厅2021年工作要点\n"
QIONGHAI = "琼海市住房和城乡建设局2022年工作计划\n"  # a county-level city directly under 海南省
HEFEI_MARKET = "合肥市市场监督管理局2021年工作计划\n"
GUANGXI_VETERANS = "广西壮族自治区退役军人事务厅2023年工作要点\n"
XINGAN = "兴安盟文化旅游体育局2022年工作要点\n"  # a league (盟) of 内蒙古自治区
CHAOYANG = "北京市朝阳区民政局2023年工作要点\n"
LIULIN = "柳林县教育科技局2023年工作计划\n"  # a county of 吕梁市, 山西省
JIANGSU_SCIENCE = "江苏省科学技术厅2022年工作要点\n"
SHENNONGJIA = "神农架林区农业农村局2022年工作要点\n"  # a 林区 under 湖北省
FUJIAN_HEALTH = "福建省卫生健康委员会2020年工作要点\n"
BARKAM = "马尔康市人民政府办公室关于印发2021年政府工作要点的通知\n"  # a county-level city of 阿坝州
LIAONING_CIVIL = "辽宁省民政厅2021年工作要点\n"
SHIGATSE = "日喀则市卫生健康委员会2022年工作要点\n"  # a prefecture-level city of 西藏自治区
CHANGSHA_HIGHTECH = "长沙高新区管委会2022年工作要点\n"  # a development zone of 长沙市: no division
NINGXIANG = "中共宁乡市委全面依法治市委员会2022年工作要点\n"  # a county-level city of 长沙市
CHONGQING_EDUCATION = "重庆市教育委员会2022年工作要点\n"  # 重庆 is a municipality: its 市 is provincial
SHANDONG_ORGANIZATION = "中共山东省委组织部2022年组织工作要点\n"
WENZHOU_ECOLOGY = "温州市生态环境局2023年工作要点\n"
HARBIN_DAOLI = "哈尔滨市道里区市场监督管理局2021年工作要点\n"
HEALTHCARE_SECURITY = "国家医疗保障局2022年工作要点\n"  # a national body's plan
SHUFU = "疏附县农业农村局2021年工作要点\n"  # a county of 喀什地区, 新疆维吾尔自治区
JINJIANG = "晋江市工业和信息化局2023年工作要点\n"  # a county-level city of 泉州市
TIANFU = "四川天府新区成都直管区社区发展治理和社会保障局2022年工作要点\n"  # a new area run by 成都市
JIANGXI_WATER = "江西省水利厅2021年工作要点\n"
ANHUI_MARKET = "安徽省市场监督管理局2022年工作要点\n"
CHONGLI = "张家口市崇礼区文化广电和旅游局2022年工作要点\n"
EWENKI = "鄂温克族自治旗教育局2022年工作要点\n"  # an autonomous banner of 呼伦贝尔市
GUIZHOU_PROPAGANDA = "中共贵州省委宣传部2022年工作要点\n"

CASES = [
    # ---- relations: one trigger governs the list that follows it
    (FOSHAN + "1. 贯彻落实好《老年教育发展规划（2016-2020 年）》、《关于进一步推进社区教育发展的意见》。",
     [expect("老年教育发展规划（2016-2020年）", relation=Relation.IMPLEMENTS, level=Level.NATIONAL,
             level_source=LevelSource.REGISTRY),
      expect("关于进一步推进社区教育发展的意见", relation=Relation.IMPLEMENTS)]),
    (HANGZHOU + "（一）深化课程改革。落实省教育厅《关于深化普通高中课程改革的指导意见》，制定我市《普通高中选课走班管理办法》。",
     [expect("关于深化普通高中课程改革的指导意见", issuers=("浙江省教育厅",), level=Level.PROVINCIAL,
             relation=Relation.IMPLEMENTS, item="一"),
      expect("普通高中选课走班管理办法", relation=Relation.ISSUES, level=Level.MUNICIPAL)]),
    (HANGZHOU + "（四）规范民办教育。启动《杭州市民办教育管理办法》修订工作，落实新修订《民办教育促进法》。",
     [expect("杭州市民办教育管理办法", relation=Relation.REVISES, level=Level.MUNICIPAL),
      expect("民办教育促进法", relation=Relation.IMPLEMENTS, level=Level.NATIONAL)]),
    (CHANGSHA + "六是出台《长沙市“十四五”教育事业发展规划》，启动《长沙市学前教育条例》立法调研。",
     [expect("长沙市“十四五”教育事业发展规划", relation=Relation.ISSUES),
      expect("长沙市学前教育条例", relation=Relation.ISSUES, trigger="立法调研", level=Level.MUNICIPAL)]),
    (KUNMING + "3. 研究制订《昆明市中小学校园欺凌综合治理方案》，修订《昆明市中小学学籍管理办法》。",
     [expect("昆明市中小学校园欺凌综合治理方案", relation=Relation.ISSUES, level=Level.MUNICIPAL),
      expect("昆明市中小学学籍管理办法", relation=Relation.REVISES)]),
    # ---- issuers before the brackets and inside them
    # ---- laws and regulations without brackets: a trigger, then a name that ends in 法 or 条例
    (TIANSHUI + "1. 依据劳动保障监察条例加大执法力度。\n2. 依据劳动争议调解仲裁法，推进仲裁院标准化建设。",
     [expect("劳动保障监察条例", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS, item="1"),
      expect("劳动争议调解仲裁法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS, item="2")]),
    (DALI + "（五）依据宪法和民族区域自治法，贯彻《大理白族自治州自治条例》，落实新修订的未成年人保护法。",
     [expect("宪法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS),
      expect("民族区域自治法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS),
      expect("大理白族自治州自治条例", level=Level.MUNICIPAL),
      expect("未成年人保护法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS)]),
    (TAIYUAN + "一、贯彻大气污染防治法、水污染防治法和土壤污染防治法。\n（一）全面实施环境保护税法。",
     [expect("大气污染防治法", tier=Tier.B, level=Level.NATIONAL),
      expect("水污染防治法", tier=Tier.B, level=Level.NATIONAL),
      expect("土壤污染防治法", tier=Tier.B, level=Level.NATIONAL),
      expect("环境保护税法", tier=Tier.B, level=Level.NATIONAL, item="一")]),
    (TAIYUAN + "贯彻国务院《大气污染防治行动计划》（以下简称《大气十条》），确保完成《大气十条》终期考核目标。",
     [expect("大气十条", kind=Kind.DOCUMENT, level=Level.NATIONAL, refers_to="大气污染防治行动计划")]),
    (YOUXIAN + "1. 实施县第三期学前教育行动计划，新建、改扩建公办幼儿园6所。",
     [expect("县第三期学前教育行动计划", tier=Tier.B, level=Level.COUNTY, relation=Relation.IMPLEMENTS)]),
    (KUQA + "深入贯彻第二次中央新疆工作座谈会精神，认真落实自治区党委九届八次全会、全区卫生健康工作会议和地委九届十次全会部署。\n"
     "1. 修订《库车市突发公共卫生事件应急预案》。",
     [expect("第二次中央新疆工作座谈会", kind=Kind.MEETING, level=Level.NATIONAL),
      expect("自治区党委九届八次全会", kind=Kind.MEETING, level=Level.PROVINCIAL),
      expect("全区卫生健康工作会议", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="650000"),
      expect("地委九届十次全会", kind=Kind.MEETING),
      expect("库车市突发公共卫生事件应急预案", kind=Kind.DOCUMENT, relation=Relation.REVISES, level=Level.COUNTY)]),
    (GUIZHOU + "（一）研究制定全省碳排放达峰行动方案。",
     [expect("全省碳排放达峰行动方案", tier=Tier.B, relation=Relation.ISSUES, level=Level.PROVINCIAL)]),
    (GUIZHOU + "（二）起草《贵州省生态环境保护条例（修订草案）》，研究制定《贵州省生态环境损害赔偿办法》。",
     [expect("贵州省生态环境保护条例（修订草案）", relation=Relation.REVISES, level=Level.PROVINCIAL),
      expect("贵州省生态环境损害赔偿办法", relation=Relation.ISSUES)]),
    # ---- a law or regulation without a place is the nation's; with places, the deepest place's
    (TIANSHUI + "4. 贯彻《工伤保险条例》和《事业单位人事管理条例》，落实《甘肃省工伤保险实施办法》。",
     [expect("工伤保险条例", level=Level.NATIONAL, relation=Relation.IMPLEMENTS),
      expect("事业单位人事管理条例", level=Level.NATIONAL),
      expect("甘肃省工伤保险实施办法", level=Level.PROVINCIAL)]),
    (DALI + "（七）深入学习宣传贯彻《中华人民共和国民法典》，开展《云南省大理白族自治州洱海保护管理条例》进校园活动。",
     [expect("中华人民共和国民法典", kind=Kind.DOCUMENT, level=Level.NATIONAL, relation=Relation.IMPLEMENTS),
      expect("云南省大理白族自治州洱海保护管理条例", level=Level.MUNICIPAL, jurisdiction="532900")]),
    (DALI + "认真落实全省教育工作会议和州委九届十一次全会部署。",
     [expect("州委九届十一次全会", kind=Kind.MEETING, level=Level.MUNICIPAL, jurisdiction="532900")]),
    (YUBEI + "（三）落实重庆市教委、四川省教育厅《推动成渝地区双城经济圈建设教育协同发展框架协议》。",
     [expect("推动成渝地区双城经济圈建设教育协同发展框架协议", kind=Kind.DOCUMENT, level=Level.PROVINCIAL,
             relation=Relation.IMPLEMENTS)]),
    (FOSHAN + "4. 贯彻教育部、国家语委《关于进一步加强学校语言文字工作的意见》。",
     [expect("关于进一步加强学校语言文字工作的意见", issuers=("教育部", "国家语委"), level=Level.NATIONAL,
             surface="教育部、国家语委《关于进一步加强学校语言文字工作的意见》")]),
    (HANGZHOU + "（一）贯彻落实《中共中央 国务院关于全面深化新时代教师队伍建设改革的意见》。",
     [expect("中共中央国务院关于全面深化新时代教师队伍建设改革的意见", issuers=("中共中央", "国务院"),
             level=Level.NATIONAL)]),
    (QINGDAO + "（2）落实市委、市政府《关于加快推进教育现代化的意见》。",
     [expect("关于加快推进教育现代化的意见", issuers=("中共青岛市委", "青岛市人民政府"), level=Level.MUNICIPAL)]),
    (HANGZHOU + "（二）认真落实《浙江省学前教育条例》和市委市政府《关于学前教育深化改革规范发展的实施意见》。",
     [expect("关于学前教育深化改革规范发展的实施意见", issuers=("中共杭州市委", "杭州市人民政府"),
             level=Level.MUNICIPAL, surface="市委市政府《关于学前教育深化改革规范发展的实施意见》")]),
    (CHANGSHA + "四是市委办公厅、市政府办公厅联合印发的《长沙市义务教育质量实施方案》要落地见效。",
     [expect("长沙市义务教育质量实施方案", issuers=("中共长沙市委办公厅", "长沙市人民政府办公厅"),
             surface="市委办公厅、市政府办公厅联合印发的《长沙市义务教育质量实施方案》")]),
    (FUZHOU + "2. 落实教育部等九部门《关于印发中小学生减负措施的通知》，落实省教育厅等6部门《关于加强学校体育的意见》。",
     [expect("关于印发中小学生减负措施的通知", issuers=("教育部",), level=Level.NATIONAL,
             surface="教育部等九部门《关于印发中小学生减负措施的通知》"),
      expect("关于加强学校体育的意见", issuers=("福建省教育厅",), level=Level.PROVINCIAL)]),
    (FUZHOU + "1. 贯彻落实义务教育法，严格执行教师法和未成年人保护法。",
     [expect("义务教育法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS, trigger="贯彻落实"),
      expect("教师法", tier=Tier.B, level=Level.NATIONAL, trigger="严格执行"),
      expect("未成年人保护法", tier=Tier.B, level=Level.NATIONAL, surface="未成年人保护法")]),
    ("深圳市南山区教育局2020年工作计划\n（一）落实《粤港澳大湾区发展规划纲要》，执行《中小学德育工作指南》。",
     [expect("粤港澳大湾区发展规划纲要", level=Level.NATIONAL, level_source=LevelSource.REGISTRY),
      expect("中小学德育工作指南", level=Level.NATIONAL, level_source=LevelSource.REGISTRY)]),
    ("济南市教育局2019年工作要点\n1. 贯彻《山东省教育厅关于印发<山东省德育课程实施指导纲要>的通知》，"
     "落实《关于印发〈济南市中小学校管理规范〉的通知》，执行《关于转发〈教育部关于加强学校管理的意见〉的通知》。",
     [expect("山东省德育课程实施指导纲要", parent="山东省教育厅关于印发<山东省德育课程实施指导纲要>的通知",
             level=Level.PROVINCIAL),
      expect("关于印发〈济南市中小学校管理规范〉的通知", level=Level.MUNICIPAL, level_source=LevelSource.CUE),
      expect("关于转发〈教育部关于加强学校管理的意见〉的通知", level=Level.UNKNOWN),
      expect("教育部关于加强学校管理的意见", level=Level.NATIONAL)]),
    ("昆山市教育局2020年工作要点\n1. 深入学习贯彻全国两会精神和中央经济工作会议精神，落实市委十四届十次全会部署。\n"
     "2. 落实市委市政府《昆山市教育现代化实施方案》。",
     [expect("全国两会", kind=Kind.MEETING, level=Level.NATIONAL, surface="全国两会"),
      expect("中央经济工作会议", kind=Kind.MEETING, level=Level.NATIONAL),
      expect("市委十四届十次全会", level=Level.COUNTY, jurisdiction="320583"),
      expect("昆山市教育现代化实施方案", issuers=("中共昆山市委", "昆山市人民政府"), level=Level.COUNTY)]),
    ("教育部2019年工作要点\n2. 修订《中小学教师资格考试暂行办法》，配合全国人大常委会做好《学前教育法》起草工作。",
     [expect("中小学教师资格考试暂行办法", relation=Relation.REVISES, level=Level.NATIONAL,
             level_source=LevelSource.CONTEXT),
      expect("学前教育法", relation=Relation.ISSUES, trigger="起草工作", level=Level.NATIONAL)]),
    (FUZHOU + "2. 执行国家《学生体质健康标准》。",
     [expect("学生体质健康标准", issuers=(), level=Level.NATIONAL, level_source=LevelSource.CUE)]),
    # the plan's own district printed alone is written with its city, as its relative bodies are
    (HEPING + "1. 落实和平区人民政府《关于加强中小学校园安全工作的意见》。",
     [expect("关于加强中小学校园安全工作的意见", issuers=("天津市和平区人民政府",), level=Level.COUNTY)]),
    # ---- autonomous regions, prefectures and banners: 自治区, 区, 州, 旗 relative to the plan
    (GUANGXI + "1．认真落实自治区党委《关于加强新时代高校党的建设的实施意见》，贯彻全区教育大会精神。",
     [expect("关于加强新时代高校党的建设的实施意见", issuers=("中共广西壮族自治区委员会",), level=Level.PROVINCIAL),
      expect("全区教育大会", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="450000")]),
    (GUANGXI + "5．落实区政府办公厅《关于调整优化结构的实施意见》，修订《自治区教育督导规定》。",
     [expect("关于调整优化结构的实施意见", issuers=("广西壮族自治区人民政府办公厅",), level=Level.PROVINCIAL),
      expect("自治区教育督导规定", relation=Relation.REVISES, level=Level.PROVINCIAL)]),
    (NANNING + "1. 贯彻全区教育工作会议精神，落实市委《关于教育的意见》。",
     [expect("全区教育工作会议", level=Level.PROVINCIAL, jurisdiction="450000"),
      expect("关于教育的意见", issuers=("中共南宁市委",), level=Level.MUNICIPAL)]),
    (LIANGSHAN + "1. 落实州委州政府《关于推进教育扶贫的实施意见》，贯彻全州教育工作会议精神，落实《全州县教育发展规划》。",
     [expect("关于推进教育扶贫的实施意见", issuers=("中共凉山彝族自治州委", "凉山彝族自治州人民政府"),
             level=Level.MUNICIPAL),
      expect("全州教育工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL, jurisdiction="513400"),
      expect("全州县教育发展规划", level=Level.COUNTY, jurisdiction="450324")]),
    (EJIN_HORO + "1. 落实旗委旗政府《关于加快教育现代化的实施意见》，贯彻全旗教育工作会议精神，执行自治区教育厅《关于规范办学行为的通知》。",
     [expect("关于加快教育现代化的实施意见", level=Level.COUNTY,
             issuers=("中共伊金霍洛旗委", "伊金霍洛旗人民政府")),
      expect("全旗教育工作会议", level=Level.COUNTY, jurisdiction="150627"),
      expect("关于规范办学行为的通知", issuers=("内蒙古自治区教育厅",), level=Level.PROVINCIAL)]),
    (KUQA + "1. 落实地委行署《关于加强基层医疗卫生服务体系建设的实施意见》，贯彻地委九届十次全会精神。",
     [expect("关于加强基层医疗卫生服务体系建设的实施意见", level=Level.MUNICIPAL,
             issuers=("中共阿克苏地委", "阿克苏地区行政公署")),
      expect("地委九届十次全会", kind=Kind.MEETING, level=Level.MUNICIPAL, jurisdiction="652900")]),
    (KUQA + "2. 执行地区卫健委《阿克苏地区短缺药品监测预警工作方案》，落实市委《关于健康库车的意见》。",
     [expect("阿克苏地区短缺药品监测预警工作方案", issuers=("阿克苏地区卫健委",), level=Level.MUNICIPAL),
      expect("关于健康库车的意见", issuers=("中共库车市委",), level=Level.COUNTY)]),
    (KAILI + "1. 落实州委州政府《关于实施创新驱动发展战略的意见》，贯彻全州科技工作会议精神。",
     [expect("关于实施创新驱动发展战略的意见", level=Level.MUNICIPAL,
             issuers=("中共黔东南苗族侗族自治州委", "黔东南苗族侗族自治州人民政府")),
      expect("全州科技工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL, jurisdiction="522600")]),
    (GULOU + "2、落实区委区政府《关于深化教育领域综合改革的实施意见》。",
     [expect("关于深化教育领域综合改革的实施意见", level=Level.COUNTY, issuers=("中共南京市鼓楼区委", "南京市鼓楼区人民政府"))]),
    (HAIDIAN + "(二)贯彻中办国办《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》。",
     [expect("关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见", level=Level.NATIONAL)]),
    (SICHUAN + "1.坚持正确政治方向。落实省委《关于加强新时代高校党的建设的意见》。",
     [expect("关于加强新时代高校党的建设的意见", issuers=("中共四川省委",), level=Level.PROVINCIAL)]),
    (YOUXIAN + "1. 落实县委县政府《关于统筹推进县域内城乡义务教育一体化改革发展的实施意见》。",
     [expect("关于统筹推进县域内城乡义务教育一体化改革发展的实施意见", level=Level.COUNTY,
             issuers=("中共攸县委", "攸县人民政府"))]),
    (TAIYUAN + "（二）修订《太原市环境保护局行政处罚自由裁量权细化标准》。",
     [expect("太原市环境保护局行政处罚自由裁量权细化标准", issuers=("太原市环境保护局",), level=Level.MUNICIPAL,
             relation=Relation.REVISES)]),
    # ---- levels from places, relative words and the document's own level
    (SICHUAN + "3.推动区域协调发展。支持成都市落实《成都市教育发展“十四五”规划》。",
     [expect("成都市教育发展“十四五”规划", level=Level.MUNICIPAL, level_source=LevelSource.CUE)]),
    (SICHUAN + "2.出台《关于推进新时代教育评价改革的实施方案》。",
     [expect("关于推进新时代教育评价改革的实施方案", relation=Relation.ISSUES, level=Level.PROVINCIAL,
             level_source=LevelSource.CONTEXT)]),
    (HAIDIAN + "(三)执行《北京市学前教育条例》，修订《海淀区学前教育管理办法》，制定区《中小学课后服务实施方案》。",
     [expect("北京市学前教育条例", level=Level.PROVINCIAL),
      expect("海淀区学前教育管理办法", level=Level.COUNTY),
      expect("中小学课后服务实施方案", level=Level.COUNTY, relation=Relation.ISSUES)]),
    (SHUNDE + "（一）落实《佛山市教育发展“十四五”规划》和《广东省教育发展“十四五”规划》，出台《顺德区教育督导办法》。",
     [expect("佛山市教育发展“十四五”规划", level=Level.MUNICIPAL),
      expect("广东省教育发展“十四五”规划", level=Level.PROVINCIAL),
      expect("顺德区教育督导办法", level=Level.COUNTY, relation=Relation.ISSUES)]),
    (XIAN + "1. 执行《中华人民共和国教师法》和《陕西省实施〈中华人民共和国教师法〉办法》。",
     [expect("中华人民共和国教师法", level=Level.NATIONAL, level_source=LevelSource.CUE),
      expect("陕西省实施〈中华人民共和国教师法〉办法", level=Level.PROVINCIAL)]),
    (FOSHAN + "7. 深入开展《3-6岁儿童学习与发展指南》。",
     [expect("3-6岁儿童学习与发展指南", level=Level.NATIONAL, level_source=LevelSource.REGISTRY)]),
    (HARBIN + "（1）贯彻《全面推进依法治教实施意见》。",
     [expect("全面推进依法治教实施意见", level=Level.UNKNOWN, level_source=LevelSource.UNKNOWN)]),
    # ---- nested titles give both policies
    (HEFEI + "1. 贯彻落实《安徽省人民政府关于实施〈国务院关于加快发展现代职业教育的决定〉的意见》。",
     [expect("安徽省人民政府关于实施〈国务院关于加快发展现代职业教育的决定〉的意见", level=Level.PROVINCIAL,
             issuers=("安徽省人民政府",), relation=Relation.IMPLEMENTS),
      expect("国务院关于加快发展现代职业教育的决定", level=Level.NATIONAL, issuers=("国务院",),
             parent="安徽省人民政府关于实施〈国务院关于加快发展现代职业教育的决定〉的意见")]),
    # ---- works that are no policy
    (FOSHAN + "33. 进一步推进《佛山教育》杂志、《佛山教育信息》简报建设，组织学习《人民日报》评论。",
     [expect("佛山教育", kind=Kind.NOT_POLICY, relation=Relation.CITES),
      expect("佛山教育信息", kind=Kind.NOT_POLICY),
      expect("人民日报", kind=Kind.NOT_POLICY)]),
    (XIAN + "2. 组织学生诵读《弟子规》，观看《厉害了，我的国》纪录片。",
     [expect("弟子规", kind=Kind.NOT_POLICY), expect("厉害了，我的国", kind=Kind.NOT_POLICY)]),
    # ---- meetings whose spirit is implemented; a meeting only named is none
    (HANGZHOU + "全面贯彻党的十九大和十九届二中、三中全会精神，认真落实全国教育大会和全省教育大会部署。",
     [expect("党的十九大", kind=Kind.MEETING, level=Level.NATIONAL, tier=Tier.B),
      expect("十九届二中全会", kind=Kind.MEETING), expect("十九届三中全会", kind=Kind.MEETING),
      expect("全国教育大会", level=Level.NATIONAL), expect("全省教育大会", level=Level.PROVINCIAL)]),
    (ZHENGZHOU + "为贯彻落实全国、全省、全市教育工作会议精神，制定本计划。\n1. 贯彻全国和全省教育工作会议精神。",
     [expect("全国教育工作会议", kind=Kind.MEETING, level=Level.NATIONAL, item="0",
             surface="全国、全省、全市教育工作会议"),
      expect("全省教育工作会议", kind=Kind.MEETING, level=Level.PROVINCIAL, item="0"),
      expect("全市教育工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL, item="0"),
      expect("全国教育工作会议", item="1", surface="全国和全省教育工作会议"),
      expect("全省教育工作会议", item="1", level=Level.PROVINCIAL)]),
    (ZHENGZHOU + "贯彻全国、省、市教育工作会议精神。",
     [expect("全国教育工作会议", level=Level.NATIONAL, surface="全国、省、市教育工作会议"),
      expect("全省教育工作会议", level=Level.PROVINCIAL, jurisdiction="410000"),
      expect("全市教育工作会议", level=Level.MUNICIPAL, jurisdiction="410100")]),
    (SICHUAN + "认真落实省委十一届六次全会精神。",
     [expect("省委十一届六次全会", kind=Kind.MEETING, level=Level.PROVINCIAL)]),
    (FOSHAN + "落实佛山市第十二次党代会的决策部署。",
     [expect("佛山市第十二次党代会", kind=Kind.MEETING, level=Level.MUNICIPAL)]),
    # ---- named policies without brackets (tier B)
    (FOSHAN + "36. 全面落实中央八项规定精神。22. 大力执行义务教育学生“两免一补”政策。",
     [expect("中央八项规定", tier=Tier.B, level=Level.NATIONAL),
      expect("“两免一补”政策", tier=Tier.B, level=Level.NATIONAL, surface="“两免一补”政策")]),
    (XIAN + "3. 全面实施西安市教育信息化“十三五”规划，组织实施“七五”普法规划。",
     [expect("西安市教育信息化“十三五”规划", tier=Tier.B, level=Level.MUNICIPAL, relation=Relation.IMPLEMENTS),
      expect("“七五”普法规划", tier=Tier.B)]),
    (QINGDAO + "（3）制定实施第三期学前教育行动计划，贯彻落实市政府关于进一步完善城乡义务教育经费保障机制政策。",
     [expect("第三期学前教育行动计划", tier=Tier.B, relation=Relation.ISSUES, level=Level.MUNICIPAL),
      expect("市政府关于进一步完善城乡义务教育经费保障机制政策", tier=Tier.B, issuers=("青岛市人民政府",),
             level=Level.MUNICIPAL)]),
    # ---- who made it, its document number, revision written after the title
    ("重庆市教育委员会2019年工作要点\n（一）贯彻落实中共中央办公厅印发的《关于加强和改进新形势下高校思想政治工作的意见》（中发〔2016〕31号），落实市委办公厅、市政府办公厅《关于加强新时代中小学校党建工作的意见》。\n（二）对《重庆市中小学校管理规范》进行修订。",
     [expect("关于加强和改进新形势下高校思想政治工作的意见", issuers=("中共中央办公厅",), relation=Relation.IMPLEMENTS,
             doc_number="中发〔2016〕31号", level=Level.NATIONAL),
      expect("关于加强新时代中小学校党建工作的意见", issuers=("中共重庆市委办公厅", "重庆市人民政府办公厅"),
             level=Level.PROVINCIAL),
      expect("重庆市中小学校管理规范", relation=Relation.REVISES, kind=Kind.DOCUMENT)]),
    # ---- Traditional characters: converted for matching, surface kept
    ("武漢市教育局2019年工作要點\n1. 貫徹落實《國務院關於深化考試招生制度改革的實施意見》，落實省教育廳《關於推進高中階段學校考試招生制度改革的實施意見》。",
     [expect("國務院關於深化考試招生制度改革的實施意見", issuers=("国务院",), level=Level.NATIONAL),
      expect("關於推進高中階段學校考試招生制度改革的實施意見", issuers=("湖北省教育厅",), level=Level.PROVINCIAL,
             surface="省教育廳《關於推進高中階段學校考試招生制度改革的實施意見》")]),
    # laws without brackets after trigger words that follow one another, three characters long,
    # and in a list after a title in brackets
    (TIANSHUI + "1. 贯彻实施精神卫生法，深入贯彻落实乡村振兴促进法。",
     [expect("精神卫生法", tier=Tier.B, level=Level.NATIONAL), expect("乡村振兴促进法", tier=Tier.B)]),
    (TIANSHUI + "1. 依法执行婚姻法，依据价格法查处哄抬价格，深入贯彻科普法。",
     [expect("婚姻法", tier=Tier.B, level=Level.NATIONAL), expect("价格法", tier=Tier.B),
      expect("科普法", tier=Tier.B)]),
    (TIANSHUI + "1. 严格执行安全生产法、公路法和《甘肃省公路路政管理条例》。",
     [expect("安全生产法", tier=Tier.B), expect("公路法", tier=Tier.B, relation=Relation.IMPLEMENTS),
      expect("甘肃省公路路政管理条例", level=Level.PROVINCIAL)]),
    (TIANSHUI + "1. 贯彻落实《中华人民共和国科学技术进步法》和促进科技成果转化法。",
     [expect("促进科技成果转化法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS)]),
    (FUZHOU + "1. 严格按照义务教育法规范办学行为。",
     [expect("义务教育法", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS)]),
    # issuers: the bodies that end the text before the title, not a meeting or a speech before them
    (QIQIHAR + "1. 按照市委十二届八次全会和市委市政府《关于推进健康齐齐哈尔建设的实施意见》要求。",
     [expect("市委十二届八次全会", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("关于推进健康齐齐哈尔建设的实施意见", issuers=("中共齐齐哈尔市委", "齐齐哈尔市人民政府"))]),
    (QIQIHAR + "1. 贯彻习近平总书记“4·13”重要讲话和中共中央、国务院《关于支持海南全面深化改革开放的指导意见》精神。",
     [expect("关于支持海南全面深化改革开放的指导意见", issuers=("中共中央", "国务院"), level=Level.NATIONAL)]),
    (GANSU + "1. 认真贯彻省人大常委会新修订的《甘肃省道路运输条例》。",
     [expect("甘肃省道路运输条例", issuers=("甘肃省人大常委会",), relation=Relation.IMPLEMENTS)]),
    (GANSU + "1. 对照《交通强国建设纲要》，衔接省科技厅《贵州省“十四五”科技创新规划》。",
     [expect("贵州省“十四五”科技创新规划", issuers=("甘肃省科技厅",), relation=Relation.CITES)]),
    (CIXI + "1. 贯彻落实慈溪市委市政府《关于实施“上林英才”计划的若干意见》。",
     [expect("关于实施“上林英才”计划的若干意见", issuers=("中共慈溪市委", "慈溪市人民政府"), level=Level.COUNTY)]),
    (GANSU + "1. 按照原环境保护部《生态环境大数据建设总体方案》，落实税务总局《关于车辆购置税的公告》。",
     [expect("生态环境大数据建设总体方案", issuers=("环境保护部",), level=Level.NATIONAL),
      expect("关于车辆购置税的公告", issuers=("国家税务总局",), level=Level.NATIONAL)]),
    (GANSU + "1. 按照教育部办公厅等四部门《关于开展校外培训机构专项治理行动的通知》。",
     [expect("关于开展校外培训机构专项治理行动的通知", issuers=("教育部办公厅",), level=Level.NATIONAL)]),
    # 开展 a policy's 宣传 cites it
    (GANSU + "1. 开展安全生产法、公路法等法律法规宣传“进企业”活动，开展《甘肃省公路路政管理条例》进校园活动。",
     [expect("安全生产法", relation=Relation.CITES), expect("公路法", relation=Relation.CITES),
      expect("甘肃省公路路政管理条例", relation=Relation.CITES)]),
    # documents named by their number, and short names declared without brackets
    (YUDU + "1. 认真落实中央农村工作会议、中央一号文件和省委一号文件精神。",
     [expect("中央一号文件", tier=Tier.B, level=Level.NATIONAL, issuers=("中共中央",)),
      expect("省委一号文件", tier=Tier.B, level=Level.PROVINCIAL, issuers=("中共江西省委",))]),
    (HAINAN + "1. 贯彻中共中央、国务院《关于支持海南全面深化改革开放的指导意见》（以下简称中央12号文件）。\n"
              "2. 贯彻落实中央12号文件关于禁塑的部署要求。",
     [expect("中央12号文件", item="2", refers_to="关于支持海南全面深化改革开放的指导意见", level=Level.NATIONAL)]),
    # issuers: a leading group, a government's office, a title a notice issues
    (YUDU + "1. 根据市委农村工作领导小组《关于健全防止返贫动态监测和帮扶机制的实施方案》，落实县政府办《于都县农村生活垃圾治理长效管护办法》。",
     [expect("关于健全防止返贫动态监测和帮扶机制的实施方案", issuers=("中共赣州市委农村工作领导小组",),
             level=Level.MUNICIPAL),
      expect("于都县农村生活垃圾治理长效管护办法", issuers=("于都县人民政府办",), level=Level.COUNTY)]),
    (GANSU + "1. 按照财政部、交通运输部《关于印发〈地方政府收费公路专项债券管理办法（试行）〉的通知》要求。",
     [expect("地方政府收费公路专项债券管理办法（试行）", issuers=("财政部", "交通运输部"), level=Level.NATIONAL)]),
    # a draft is made, not implemented
    (HAINAN + "1. 认真贯彻环境保护法，推动省人大常委会审议《海南省大气污染防治条例（草案）》。",
     [expect("环境保护法", relation=Relation.IMPLEMENTS),
      expect("海南省大气污染防治条例（草案）", relation=Relation.ISSUES, level=Level.PROVINCIAL)]),
    # national by what the text says of the title: a standard's number, 国家标准, 中国, a State Council number
    (EJIN_HORO_MARKET + "1. 执行《养老机构服务质量基本规范》（GB/T 35796-2017）和《食品安全国家标准 食品添加剂使用标准》。",
     [expect("养老机构服务质量基本规范", level=Level.NATIONAL, doc_number="GB/T 35796-2017"),
      expect("食品安全国家标准食品添加剂使用标准", level=Level.NATIONAL)]),
    (HAINAN + "1. 落实《中国生物多样性保护战略与行动计划（2011—2030年）》和《关于加强X的意见》（国发〔2018〕40号）。",
     [expect("中国生物多样性保护战略与行动计划（2011—2030年）", level=Level.NATIONAL),
      expect("关于加强X的意见", level=Level.NATIONAL)]),
    (HAINAN + "1. 按照《法治政府建设实施纲要（2015—2020年）》要求。",
     [expect("法治政府建设实施纲要（2015—2020年）", level=Level.NATIONAL, level_source=LevelSource.REGISTRY)]),
    # a book of excerpts is no policy; a 基准 is one
    (EJIN_HORO_MARKET + "1. 认真研读《习近平关于科技创新论述摘编》，修订《伊金霍洛旗市场监督管理局行政处罚自由裁量权基准》。",
     [expect("习近平关于科技创新论述摘编", kind=Kind.NOT_POLICY, relation=Relation.CITES),
      expect("伊金霍洛旗市场监督管理局行政处罚自由裁量权基准", kind=Kind.DOCUMENT, relation=Relation.REVISES,
             level=Level.COUNTY)]),
    # meetings: a region's Party congress, a conference named for its place, a congress session
    (EJIN_HORO_MARKET + "1. 认真落实全国市场监管工作会议和自治区第十次党代会、自治区党委十届十三次全会精神。",
     [expect("自治区第十次党代会", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="150000")]),
    (CIXI + "1. 贯彻落实宁波市人力社保工作会议精神，按照市委十五届九次全会和市十七届人大四次会议确定的目标任务。",
     [expect("宁波市人力社保工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("市委十五届九次全会", kind=Kind.MEETING, level=Level.COUNTY),
      expect("市十七届人大四次会议", kind=Kind.MEETING, level=Level.COUNTY)]),
    (CHANGSHA + "1. 深入贯彻落实市委十二届六次全会暨市委经济工作会议精神。",
     [expect("市委十二届六次全会", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("市委经济工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL)]),
    (HAINAN + "1. 贯彻十三届全国人大二次会议精神和省十三届人大三次会议精神。",
     [expect("十三届全国人大二次会议", kind=Kind.MEETING, level=Level.NATIONAL),
      expect("省十三届人大三次会议", kind=Kind.MEETING, level=Level.PROVINCIAL)]),
    # meetings whose names hold 和, and lists of them
    (ZHENGDING + "1. 认真落实全国文化和旅游厅局长会议、全省文化和旅游工作会议、全市文化广电和旅游工作会议及县委十一届九次全会部署。",
     [expect("全国文化和旅游厅局长会议", kind=Kind.MEETING, level=Level.NATIONAL),
      expect("全省文化和旅游工作会议", kind=Kind.MEETING, level=Level.PROVINCIAL),
      expect("全市文化广电和旅游工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("县委十一届九次全会", kind=Kind.MEETING, level=Level.COUNTY)]),
    # 全区 between nation and city is the region; a county named as other places are (城关区)
    (LHASA_CHENGGUAN + "1. 认真落实全国、全区、全市农业农村工作会议部署和城关区委七届九次全会要求。",
     [expect("全区农业农村工作会议", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="540000"),
      expect("全市农业农村工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("城关区委七届九次全会", kind=Kind.MEETING, level=Level.COUNTY)]),
    # a place in a slogan before a year, a city's short name leading a title
    (PUDONG + "1. 对照《“健康上海2030”规划纲要》目标任务，落实《“健康中国2030”规划纲要》。",
     [expect("“健康上海2030”规划纲要", level=Level.PROVINCIAL), expect("“健康中国2030”规划纲要", level=Level.NATIONAL)]),
    (DALIAN + "（一）三是清理规范口岸收费，执行《大连口岸收费目录清单》。",
     [expect("大连口岸收费目录清单", level=Level.MUNICIPAL)]),
    # 参照 cites (DESIGN lists no 参照); a body's working group; a title a body issues is a policy whatever its genre
    (PUDONG + "1. 参照国务院联防联控机制综合组《新冠病毒疫苗接种技术指南（第一版）》，按照国家卫生健康委办公厅《医院智慧服务分级评估标准体系（试行）》。",
     [expect("新冠病毒疫苗接种技术指南（第一版）", issuers=("国务院联防联控机制综合组",), level=Level.NATIONAL,
             relation=Relation.CITES),
      expect("医院智慧服务分级评估标准体系（试行）", kind=Kind.DOCUMENT, level=Level.NATIONAL)]),
    (SHAANXI + "1. 为贯彻落实国家发展改革委《2020年新型城镇化建设和城乡融合发展重点任务》，扎实推进我省新型城镇化工作。",
     [expect("2020年新型城镇化建设和城乡融合发展重点任务", kind=Kind.DOCUMENT, level=Level.NATIONAL)]),
    # issuers printed before the first of two titles are both's, unless the second names its own, or
    # a place not theirs; a declared short name is its full title's, whatever it follows
    (SHAANXI + "1. 按照国务院《关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）和《关于深入推进新型城镇化建设的若干意见》。",
     [expect("关于深入推进新型城镇化建设的若干意见", issuers=("国务院",), level=Level.NATIONAL)]),
    (HAIDIAN + "(一)落实市委市政府《关于深化教育教学改革的实施意见》和《北京市中小学学生综合素质评价办法》。",
     [expect("北京市中小学学生综合素质评价办法", issuers=("中共北京市委", "北京市人民政府"), level=Level.PROVINCIAL)]),
    (QIONGHAI + "（一）按照省住房城乡建设厅《海南省装配式建筑评价标准》和《海南省装配式建筑工程综合定额（试行）》。",
     [expect("海南省装配式建筑工程综合定额（试行）", issuers=("海南省住房城乡建设厅",), level=Level.PROVINCIAL)]),
    (HAIDIAN + "(一)落实教育部《中小学综合素质评价指南》和《北京市中小学学生综合素质评价办法》。",
     [expect("北京市中小学学生综合素质评价办法", issuers=(), level=Level.PROVINCIAL)]),
    (HEFEI_MARKET + "1. 落实市委市政府《关于优化营商环境的实施意见》（以下简称《实施意见》）。\n"
     "2. 按照市政府办公厅《合肥市进一步压缩企业开办时间工作方案》和《实施意见》要求。",
     [expect("实施意见", issuers=(), refers_to="关于优化营商环境的实施意见", level=Level.MUNICIPAL)]),
    (GUANGXI_VETERANS + "（一）落实自治区党委 自治区人民政府《关于新时代加强双拥工作的实施意见》。",
     [expect("关于新时代加强双拥工作的实施意见", issuers=("中共广西壮族自治区委员会", "广西壮族自治区人民政府"))]),
    # the plan's issuer named by the plan: 我局, 局党组
    (HEFEI_MARKET + "1. 落实局党组《全面从严治党主体责任清单》，执行我局《行政处罚自由裁量权基准（2021年版）》。",
     [expect("全面从严治党主体责任清单", issuers=("中共合肥市市场监督管理局党组",), level=Level.MUNICIPAL),
      expect("行政处罚自由裁量权基准（2021年版）", issuers=("合肥市市场监督管理局",), level=Level.MUNICIPAL)]),
    # what a non-trigger verb or 以…为指导 governs is cited, and no earlier clause's trigger reaches it
    (XINGAN + "1. 贯彻落实党的二十大精神，以国务院办公厅《体育强国建设纲要》为引领，对标文化和旅游部《“十四五”文化和旅游发展规划》。",
     [expect("体育强国建设纲要", relation=Relation.CITES, trigger="", issuers=("国务院办公厅",), level=Level.NATIONAL),
      expect("“十四五”文化和旅游发展规划", relation=Relation.CITES, issuers=("文化和旅游部",))]),
    (QIONGHAI + "（一）落实部署，以《海南自由贸易港建设总体方案》和《中华人民共和国海南自由贸易港法》为遵循。",
     [expect("海南自由贸易港建设总体方案", relation=Relation.CITES),
      expect("中华人民共和国海南自由贸易港法", relation=Relation.CITES)]),
    (XINGAN + "1. 落实《文物保护法实施条例》并参照《国家考古遗址公园管理办法（试行）》，印发实施《全盟文化旅游体育“十四五”发展规划》。",
     [expect("国家考古遗址公园管理办法（试行）", relation=Relation.CITES),
      expect("全盟文化旅游体育“十四五”发展规划", relation=Relation.ISSUES, level=Level.MUNICIPAL)]),
    # laws cited without a trigger; a law whose name holds 和, as a list's next item
    (GUANGXI_VETERANS + "（一）以退役军人保障法为根本遵循，深入贯彻实施退役军人保障法、军人地位和权益保障法。",
     [expect("退役军人保障法", relation=Relation.CITES, tier=Tier.B, level=Level.NATIONAL),
      expect("军人地位和权益保障法", relation=Relation.IMPLEMENTS, tier=Tier.B, level=Level.NATIONAL)]),
    (HEFEI_MARKET + "1. 依法查处违反广告法的虚假违法广告，以长江保护法施行为契机加强保护。",
     [expect("广告法", relation=Relation.CITES, tier=Tier.B, level=Level.NATIONAL),
      expect("长江保护法", relation=Relation.CITES, tier=Tier.B, level=Level.NATIONAL)]),
    # a quoted plan named after a list joiner and before what it sets; 学习宣传 is a trigger; a
    # ministry's document number marks its title national; a list of programmes is no policy
    (LIULIN + "1. 按照《吕梁市教育事业发展“十四五”规划》和全县教育“十四五”规划确定的目标任务，学习宣传家庭教育促进法。",
     [expect("全县教育“十四五”规划", tier=Tier.B, level=Level.COUNTY, relation=Relation.IMPLEMENTS),
      expect("家庭教育促进法", surface="家庭教育促进法", trigger="学习宣传")]),
    (LIULIN + "1. 对照《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号），对照《柳林县教育督导办法》（柳教〔2022〕3号）。",
     [expect("县域义务教育优质均衡发展督导评估办法", level=Level.NATIONAL, level_source=LevelSource.CUE),
      expect("柳林县教育督导办法", level=Level.COUNTY)]),
    # a short name for a title whose own name has no genre is implemented as its title is
    (JIANGSU_SCIENCE + "（一）落实省委省政府《关于深化科技体制机制改革推动高质量发展的若干政策》（以下简称《科技改革30条》）。"
     "贯彻落实《科技改革30条》中关于赋予科研人员职务科技成果所有权的要求。",
     [expect("科技改革30条", relation=Relation.IMPLEMENTS, kind=Kind.DOCUMENT, level=Level.PROVINCIAL)]),
    # a 林区's own bodies and meetings; 我委 of a 委员会
    (SHENNONGJIA + "（一）按照林区第十次党代会、林区党委十届二次全会部署，落实林区党委 林区政府《关于全面推进乡村振兴的实施意见》。",
     [expect("林区第十次党代会", kind=Kind.MEETING, level=Level.COUNTY),
      expect("林区党委十届二次全会", kind=Kind.MEETING, level=Level.COUNTY),
      expect("关于全面推进乡村振兴的实施意见", issuers=("中共神农架林区委", "神农架林区人民政府"), level=Level.COUNTY)]),
    (FUJIAN_HEALTH + "（一）修订我委《行政规范性文件管理办法》，落实国家卫生健康委 国家医保局 国家中医药局《关于X的通知》。",
     [expect("行政规范性文件管理办法", issuers=("福建省卫生健康委员会",), relation=Relation.REVISES),
      expect("关于X的通知", issuers=("国家卫生健康委", "国家医保局", "国家中医药局"))]),
    # a list of plenums across a comma ends in its 部署; a lone 市 before a quoted plan is its place;
    # a rule's count with its bodies; the 实施 of 实施细则 is no trigger
    (BARKAM + "1. 认真落实省委十一届七次、八次全会，州委十一届十次全会和市委十四届十次全会部署，紧扣市“十四五”规划纲要。",
     [expect("州委十一届十次全会", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("市“十四五”规划纲要", relation=Relation.CITES, level=Level.COUNTY)]),
    (BARKAM + "1. 严格落实中央八项规定及其实施细则精神和省委省政府十项规定。",
     [expect("中央八项规定", issuers=(), level=Level.NATIONAL),
      expect("省委省政府十项规定", issuers=("中共四川省委", "四川省人民政府"), level=Level.PROVINCIAL, trigger="落实")]),
    (FUJIAN_HEALTH + "（一）贯彻落实《关于Y的通知》，总结推广《尤溪县紧密型县域医共体建设实施方案》，贯彻人口与计划生育法。",
     [expect("尤溪县紧密型县域医共体建设实施方案", relation=Relation.CITES, level=Level.COUNTY),
      expect("人口与计划生育法", tier=Tier.B, level=Level.NATIONAL)]),
    # the region's Party committee as 区党委; spreading a law cites it; titles side by side share
    # their issuer; a place inside a title the registry knows is no cue
    (SHIGATSE + "1. 深入贯彻区党委十届二次全会精神，深入宣传慈善法，贯彻国务院《中国妇女发展纲要（2021—2030年）》"
     "《中国儿童发展纲要（2021—2030年）》，学习贯彻《关于深入推广福建省三明市经验深化医药卫生体制改革的实施意见》。",
     [expect("区党委十届二次全会", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="540000"),
      expect("慈善法", tier=Tier.B, relation=Relation.CITES, level=Level.NATIONAL),
      expect("中国儿童发展纲要（2021—2030年）", issuers=("国务院",)),
      expect("关于深入推广福建省三明市经验深化医药卫生体制改革的实施意见", level=Level.NATIONAL)]),
    # a trigger in the clause before does not reach past the comma: spreading the law cites it
    (FUZHOU + "1. 组织学习，宣传义务教育法。",
     [expect("义务教育法", tier=Tier.B, relation=Relation.CITES, trigger="")]),
    # 县以上 names no county; a development zone's plan: its city is its place, 全区 the zone, its
    # bodies written out with the zone's name
    (YOUXIAN + "1. 严格执行《县以上党和国家机关党员领导干部民主生活会若干规定》。",
     [expect("县以上党和国家机关党员领导干部民主生活会若干规定", level=Level.NATIONAL)]),
    (CHANGSHA_HIGHTECH + "1. 认真落实市第十四次党代会和全区经济工作会议部署，落实高新区党工委 管委会《关于加强机关作风建设的实施意见》"
     "和市委办公厅《长沙市产业链链长制工作方案》。",
     [expect("市第十四次党代会", kind=Kind.MEETING, level=Level.MUNICIPAL, jurisdiction="430100"),
      expect("全区经济工作会议", kind=Kind.MEETING, level=Level.MUNICIPAL),
      expect("关于加强机关作风建设的实施意见", issuers=("长沙高新区党工委", "长沙高新区管委会"), level=Level.MUNICIPAL),
      expect("长沙市产业链链长制工作方案", issuers=("中共长沙市委办公厅",))]),
    # a law's implementing regulations after it; 宣传 between a trigger and a law; a body relative to
    # the place the body before it names; bodies that start a clause and 印发 a title issue it
    (NINGXIANG + "1. 落实外商投资法和外商投资法实施条例，深入学习宣传宪法和民法典。",
     [expect("外商投资法实施条例", tier=Tier.B, level=Level.NATIONAL), expect("宪法", surface="宪法")]),
    (NINGXIANG + "1. 贯彻长沙市委、市政府《关于加强安全生产工作的若干措施》，市委办、市政府办印发《宁乡市公职律师管理办法（试行）》。",
     [expect("关于加强安全生产工作的若干措施", issuers=("中共长沙市委", "长沙市人民政府"), level=Level.MUNICIPAL),
      expect("宁乡市公职律师管理办法（试行）", issuers=("中共宁乡市委办", "宁乡市人民政府办"), relation=Relation.ISSUES)]),
    (NINGXIANG + "1. 配合市人大常委会制定《宁乡市物业管理条例》。",
     [expect("宁乡市物业管理条例", issuers=(), relation=Relation.ISSUES)]),
    # issuers printed after a title; a ministry's number (环执法); a county's short name after its
    # province's is no place; 我部; a law after a verb of the plan's own
    (SHANDONG_ORGANIZATION + "1. 修订《山东省泰山人才工程实施办法》，制定我部《关于加强组工干部队伍建设的实施意见》，"
     "依据《关于加强和改进城市基层党的建设工作的意见》（中共中央办公厅2019年印发）。",
     [expect("山东省泰山人才工程实施办法", level=Level.PROVINCIAL),
      expect("关于加强组工干部队伍建设的实施意见", issuers=("中共山东省委组织部",)),
      expect("关于加强和改进城市基层党的建设工作的意见", issuers=("中共中央办公厅",), level=Level.NATIONAL)]),
    (WENZHOU_ECOLOGY + "（一）配合做好浙江省固体废物污染环境防治条例执法检查，对标《关于优化生态环境保护执法方式提高执法效能的"
     "指导意见》（环执法〔2021〕1号）。",
     [expect("浙江省固体废物污染环境防治条例", tier=Tier.B, relation=Relation.CITES, level=Level.PROVINCIAL),
      expect("关于优化生态环境保护执法方式提高执法效能的指导意见", level=Level.NATIONAL)]),
    (HARBIN_DAOLI + "1. 制定《区市场监管局党组落实全面从严治党主体责任清单》。",
     [expect("区市场监管局党组落实全面从严治党主体责任清单", issuers=("哈尔滨市道里区市场监管局党组",))]),
    # an order's number marks its title national, also before a revision written after it; a law
    # to be made; a session that approved a report is no meeting implemented
    (HEALTHCARE_SECURITY + "（一）认真落实十三届全国人大五次会议审议通过的《政府工作报告》部署，积极推动出台医疗保障法，"
     "启动《零售药店医疗保障定点管理暂行办法》（国家医疗保障局令第3号）修订。",
     [expect("政府工作报告", kind=Kind.DOCUMENT, relation=Relation.IMPLEMENTS),
      expect("医疗保障法", tier=Tier.B, relation=Relation.ISSUES, level=Level.NATIONAL),
      expect("零售药店医疗保障定点管理暂行办法", relation=Relation.REVISES, level=Level.NATIONAL)]),
    # the region relative, right after a trigger; a prefecture office's own office
    (SHUFU + "1、执行自治区《防止返贫动态监测和帮扶工作实施方案》，落实行署办公室《关于加快畜牧业发展的通知》。",
     [expect("防止返贫动态监测和帮扶工作实施方案", level=Level.PROVINCIAL, jurisdiction="650000"),
      expect("关于加快畜牧业发展的通知", issuers=("喀什地区行政公署办公室",), level=Level.MUNICIPAL)]),
    # a monitoring of a plan cites it; a congress to come is no spirit implemented
    (JINJIANG + "（一）开展晋江市“十四五”工业发展规划实施情况年度监测，组织开展“喜迎二十大、建功新时代”主题宣讲活动。",
     [expect("晋江市“十四五”工业发展规划", relation=Relation.CITES)]),
    # a new area's plan is its city's where its name says the city; a rule after another and 及
    (TIANFU + "1. 落实市委市政府《关于深入推进城乡社区发展治理的意见》，严格落实中央八项规定及省委省政府十项规定精神。",
     [expect("关于深入推进城乡社区发展治理的意见", issuers=("中共成都市委", "成都市人民政府"), level=Level.MUNICIPAL),
      expect("中央八项规定", issuers=(), level=Level.NATIONAL),
      expect("省委省政府十项规定", issuers=("中共四川省委", "四川省人民政府"), level=Level.PROVINCIAL)]),
    # a trade's standard number marks its title national; a 定额 and a 协定 are policies; a subtitle
    # after —— is no genre; a revision written after one title is not the next one's
    (JIANGXI_WATER + "（一）启动《江西省用水定额》修订，参照《村镇供水工程技术规范》（SL 310-2019），用好《区域全面经济伙伴关系协定》，"
     "落实《中国图们江区域合作开发规划纲要——以长吉图为开发开放先导区》。",
     [expect("江西省用水定额", kind=Kind.DOCUMENT, relation=Relation.REVISES, level=Level.PROVINCIAL),
      expect("村镇供水工程技术规范", level=Level.NATIONAL),
      expect("区域全面经济伙伴关系协定", kind=Kind.DOCUMENT, relation=Relation.CITES),
      expect("中国图们江区域合作开发规划纲要——以长吉图为开发开放先导区", kind=Kind.DOCUMENT, level=Level.NATIONAL)]),
    # a plan named after the trigger that implements it, though the phrase names a year
    (JIANGXI_WATER + "（一）2021年是实施“十四五”规划的开局之年，也是“十三五”规划收官之后的第一年。",
     [expect("“十四五”规划", tier=Tier.B, relation=Relation.IMPLEMENTS)]),
    # titles after their issuer and 关于, in a list and before 要求; a body after a law in a list;
    # 巩固…成果 cites; a plan to issue named as a 指南
    (ANHUI_MARKET + "1. 落实国务院关于开展营商环境创新试点工作的意见和省政府办公厅关于进一步优化营商环境更好服务市场主体的实施意见，"
     "按照省政府关于加强食品安全工作的通知要求。",
     [expect("国务院关于开展营商环境创新试点工作的意见", issuers=("国务院",), level=Level.NATIONAL),
      expect("省政府办公厅关于进一步优化营商环境更好服务市场主体的实施意见", issuers=("安徽省人民政府办公厅",)),
      expect("省政府关于加强食品安全工作的通知", tier=Tier.B)]),
    (CHONGLI + "1. 认真落实旅游法、国务院《旅行社条例》和《娱乐场所管理条例》，巩固国务院安委会《全国安全生产专项整治三年行动计划》成果。",
     [expect("旅行社条例", issuers=("国务院",)), expect("娱乐场所管理条例", issuers=("国务院",)),
      expect("全国安全生产专项整治三年行动计划", issuers=("国务院安委会",), relation=Relation.CITES)]),
    (EWENKI + "（一）出台全旗义务教育学校作业管理指南。",
     [expect("全旗义务教育学校作业管理指南", tier=Tier.B, relation=Relation.ISSUES, level=Level.COUNTY)]),
    # a trigger after a verb of the plan's own; a plan's 宣传 cites it; 全国 after a year range
    (GUIZHOU_PROPAGANDA + "1. 配合做好贯彻实施民法典宣传，深入开展“八五”普法规划宣传，落实《2019-2023年全国党政领导班子建设规划纲要》。",
     [expect("民法典", surface="民法典", relation=Relation.IMPLEMENTS),
      expect("“八五”普法规划", relation=Relation.CITES),
      expect("2019-2023年全国党政领导班子建设规划纲要", level=Level.NATIONAL)]),
    # a study outline is a book
    (NINGXIANG + "1. 组织党员干部学习《习近平法治思想学习纲要》。",
     [expect("习近平法治思想学习纲要", kind=Kind.NOT_POLICY, relation=Relation.CITES)]),
    # a district of the plan's own municipality, with its city; 围绕 cites; 条件 is a genre
    (CHONGQING_EDUCATION + "（一）总结推广江北区委办、区政府办《关于推进“教联体”建设的实施方案》，围绕市教育“十四五”规划确定的目标任务，"
     "修订《重庆市中小学教师职称评审条件》。",
     [expect("关于推进“教联体”建设的实施方案", issuers=("中共重庆市江北区委办", "重庆市江北区人民政府办"), level=Level.COUNTY),
      expect("市教育“十四五”规划", tier=Tier.B, relation=Relation.CITES, level=Level.PROVINCIAL),
      expect("重庆市中小学教师职称评审条件", kind=Kind.DOCUMENT, relation=Relation.REVISES)]),
    # implementing written after a title; pushing a title to take effect cites it
    (SHIGATSE + "1. 支持各县落实《日喀则市“十四五”卫生健康事业发展规划》，推动《日喀则市医疗卫生服务体系规划》实施。",
     [expect("日喀则市医疗卫生服务体系规划", relation=Relation.IMPLEMENTS)]),
    (SHIGATSE + "1. 对照《2022年全市卫生健康工作要点》建立任务台账，推动《日喀则市医共体建设实施方案》落地见效。",
     [expect("日喀则市医共体建设实施方案", relation=Relation.CITES)]),
    # a bracketed title repeated without brackets keeps its edition; a review of a plan cites it
    (LIAONING_CIVIL + "1. 执行《辽宁省养老机构等级评定实施办法（试行）》。\n2. 落实辽宁省养老机构等级评定实施办法（试行）有关医养结合要求。",
     [expect("辽宁省养老机构等级评定实施办法（试行）", tier=Tier.B, item="2", level=Level.PROVINCIAL)]),
    (LIAONING_CIVIL + "1. 开展《辽宁省“十四五”民政事业发展规划》中期评估。",
     [expect("辽宁省“十四五”民政事业发展规划", relation=Relation.CITES, trigger="开展")]),
    # a bracketed title repeated without its place is that title
    (CHAOYANG + "1. 贯彻《北京市居家养老服务条例》。\n2. 落实居家养老服务条例关于养老服务驿站的规定。",
     [expect("居家养老服务条例", item="2", refers_to="北京市居家养老服务条例", level=Level.PROVINCIAL)]),
    # the 中央一号文件 of the year printed, else of the plan's year
    (YUDU + "1. 认真落实2020年中央一号文件和中央一号文件精神。",
     [expect("2020年中央一号文件", issuers=("中共中央",), level=Level.NATIONAL),
      expect("中央一号文件", issuers=("中共中央",), level=Level.NATIONAL)]),
    # a law before 和 is no part of the bodies after it; 和县委县政府 in another county is 和 + 县委县政府
    (FEIXI + "1. 认真落实安全生产法和省委办公厅、省政府办公厅《安徽省安全生产专项整治三年行动实施方案》。",
     [expect("安全生产法", tier=Tier.B, level=Level.NATIONAL),
      expect("安徽省安全生产专项整治三年行动实施方案", issuers=("中共安徽省委办公厅", "安徽省人民政府办公厅"))]),
    (FEIXI + "1. 根据中共中央、国务院《关于全面加强生态环境保护的意见》和县委县政府《关于打造长江经济带的实施意见》的部署。",
     [expect("关于打造长江经济带的实施意见", issuers=("中共肥西县委", "肥西县人民政府"), level=Level.COUNTY,
             jurisdiction="340123")]),
    # laws without brackets: after 学习宣传贯彻, with their revision year, before 规定; made or revised after
    (FEIXI + "1. 学习宣传贯彻固体废物污染环境防治法（2020年修订），依法落实未成年人保护法规定的学校保护责任。",
     [expect("固体废物污染环境防治法（2020年修订）", tier=Tier.B, level=Level.NATIONAL),
      expect("未成年人保护法", tier=Tier.B, level=Level.NATIONAL)]),
    (MOE + "1. 全面贯彻实施教育法、高等教育法和学位条例，加快教师法修订进程，加快学前教育法起草工作。",
     [expect("学位条例", tier=Tier.B, level=Level.NATIONAL, relation=Relation.IMPLEMENTS),
      expect("教师法", relation=Relation.REVISES), expect("学前教育法", relation=Relation.ISSUES)]),
    (MOE + "1. 深入学习宣传贯彻民法典，启动编制国家语言文字事业“十四五”发展规划。",
     [expect("民法典", tier=Tier.B, level=Level.NATIONAL),
      expect("国家语言文字事业“十四五”发展规划", relation=Relation.ISSUES, level=Level.NATIONAL)]),
    # national bodies the registry knows by a short name that is no body's shape
    (LIUNAN + "1. 落实全国妇联、教育部等九部门《关于指导推进家庭教育的五年规划（2016—2020年）》。",
     [expect("关于指导推进家庭教育的五年规划（2016—2020年）", issuers=("全国妇联", "教育部"), level=Level.NATIONAL)]),
    (LIUNAN + "1. 严格执行国务院联防联控机制《关于做好新冠肺炎疫情常态化防控工作的指导意见》。",
     [expect("关于做好新冠肺炎疫情常态化防控工作的指导意见", issuers=("国务院联防联控机制",), level=Level.NATIONAL)]),
    (LIUNAN + "1. 认真落实全国教育大会、全自治区教育大会和全国司法厅（局）长会议部署。",
     [expect("全自治区教育大会", kind=Kind.MEETING, level=Level.PROVINCIAL, jurisdiction="450000"),
      expect("全国司法厅（局）长会议", kind=Kind.MEETING, level=Level.NATIONAL)]),
    # drafts and model texts are made
    (LIUNAN + "1. 完成《湖南省法律援助条例（修订草案征求意见稿）》公开征求意见工作，由区民政局制定《村规民约示范文本》。",
     [expect("湖南省法律援助条例（修订草案征求意见稿）", relation=Relation.REVISES),
      expect("村规民约示范文本", kind=Kind.DOCUMENT, relation=Relation.ISSUES)]),
    # a short name declared after a document number; a section heading that implements something
    (CHENGDU + "1. 依据教育部《义务教育学校管理标准》（教基〔2017〕9号，以下简称《管理标准》）。\n2. 对照《管理标准》，全面开展达标创建。",
     [expect("管理标准", item="2", refers_to="义务教育学校管理标准", level=Level.NATIONAL)]),
    (MOE + "一、加强党的建设\n1. 加强理论武装。\n二、全面贯彻落实全国教育大会精神\n2. 抓好大会精神的宣传解读。",
     [expect("全国教育大会", kind=Kind.MEETING, item="二")]),
    # 预算法 is a law (not a 算法); a list separator is no part of the next title's surface
    (XINJIAN + "1. 严格执行预算法和《预算法实施条例》。",
     [expect("预算法", tier=Tier.B, level=Level.NATIONAL), expect("预算法实施条例", level=Level.NATIONAL)]),
    (DATONG + "1. 严格执行《山西省道路运输条例》、交通运输部《道路旅客运输及客运站管理规定》。",
     [expect("道路旅客运输及客运站管理规定", issuers=("交通运输部",), surface="交通运输部《道路旅客运输及客运站管理规定》")]),
    # what follows a title: aligning with it, or its 宣传解读 in a clause with no trigger, cites it
    (XICHANG + "1. 对照《四川省“十四五”规划纲要》确定的目标任务，做好与《凉山州“十四五”规划纲要》的衔接。",
     [expect("四川省“十四五”规划纲要", relation=Relation.IMPLEMENTS),
      expect("凉山州“十四五”规划纲要", relation=Relation.CITES)]),
    (DATONG + "1. 依据《大同市城市出租汽车客运管理办法》规范经营权管理，并做好《大同市城市出租汽车客运管理办法》的宣传解读。",
     [expect("大同市城市出租汽车客运管理办法", relation=Relation.IMPLEMENTS),
      expect("大同市城市出租汽车客运管理办法", relation=Relation.CITES)]),
    # a local plenum list is one meeting each; laws whose names hold 及 or have two characters
    (BINHAI + "1. 深入贯彻市第十一次党代会和市委十一届五次、六次全会精神。",
     [expect("市委十一届五次全会", kind=Kind.MEETING, level=Level.PROVINCIAL),
      expect("市委十一届六次全会", kind=Kind.MEETING, level=Level.PROVINCIAL)]),
    (BINHAI + "1. 贯彻科学技术普及法和《全民科学素质行动计划纲要实施方案（2016—2020年）》，依据水法和《取水许可和水资源费征收管理条例》。",
     [expect("科学技术普及法", tier=Tier.B, level=Level.NATIONAL), expect("水法", tier=Tier.B, level=Level.NATIONAL)]),
    # a plan to be drawn up, named before 编制; a villagers' committee is the subject, not the issuer
    (BINHAI + "1. 同步开展市“十四五”科技创新规划编制，依据《吉林省村民委员会选举办法》。",
     [expect("市“十四五”科技创新规划", relation=Relation.ISSUES, level=Level.PROVINCIAL),
      expect("吉林省村民委员会选举办法", issuers=())]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].split("\n")[1][:18] for c in CASES])
def test_passage_gives_its_mentions(text, expected):
    mentions = mentions_of(text)
    missing = [e for e in expected if not e.found_in(mentions)]
    assert not missing, f"missing {missing}\ngot {[(m.title, m.relation, m.level, m.issuers) for m in mentions]}"


@pytest.mark.parametrize(
    ("text", "absent"),
    [  # fmt: skip
        (FOSHAN + "以优异成绩迎接党的十九大胜利召开。", "党的十九大"),
        (FOSHAN + "2020年是全面建成小康社会和“十三五”规划收官之年。", "“十三五”规划"),
        (FOSHAN + "启动第三期佛山市“教育创客”培养计划师资培训。", "佛山市“教育创客”培养计划"),
        (FOSHAN + "实施“科研强校计划”，继续实施“中小学教师素质提升工程”。", "“科研强校计划”"),
        (FOSHAN + "实施高校党建“对标争先”建设计划。", "“对标争先”建设计划"),
        (FOSHAN + "开展年轻干部“墩苗”计划。", "“墩苗”计划"),
        (JINJIANG + "组织开展“喜迎二十大、建功新时代”主题宣讲进企业活动。", "二十大"),
        (FOSHAN + "按照“一校一策”制定方案，落实整改。", "方案"),
        (FOSHAN + "学习 贯彻党的十八届六 全会精神。", "党的十八届六全会"),
        (FUZHOU + "推进教育法治建设，落实教育法规清理任务。", "教育法"),
        (FUZHOU + "落实高等职业教育法改革任务。", "职业教育法"),
        (FUZHOU + "落实高等职业教育法改革任务。", "高等职业教育法"),
        (FUZHOU + "落实依法治教要求，推进依法行政。", "依法"),
        (FUZHOU + "实施情境教学法和项目学习法，推广先进做法。", "情境教学法"),
        (FUZHOU + "落实实施办法和工作方法。", "实施办法"),
        (FUZHOU + "严格执行有关条例和相关法律法规。", "有关条例"),
        (FUZHOU + "落实国家和省有关法律法规。", "国家和省有关法律法"),
        (HAINAN + "1. 贯彻中共中央《关于X的意见》（以下简称中央12号文件）。", "中央12号文件"),
        (CIXI + "落实宁波市政府常务会议精神。", "宁波市政府常务会议"),
        (
            DALIAN + "经市政府同意，现将《大连市2021年优化营商环境工作方案》印发给你们。",
            "大连市2021年优化营商环境工作方案",
        ),
        (YUDU + "认真落实全国农业农村工作会议和县委十五届十二次全会精神。", "和县委十五届十二次全会"),
        (LIUNAN + "各学校要结合实际制定本校年度工作计划。", "本校年度工作计划"),
        (CHENGDU + "1. 依据教育部《义务教育学校管理标准》（教基〔2017〕9号，以下简称《管理标准》）。", "管理标准"),
        (TIANSHUI + "贯彻实施精神卫生法。", "实施精神卫生法"),
        (FUZHOU + "开展七五普法，执行新做法，落实新条例。", "七五普法"),
        (FUZHOU + "开展七五普法，执行新做法，落实新条例。", "新做法"),
        (FUZHOU + "开展七五普法，执行新做法，落实新条例。", "新条例"),
    ],
)
def test_no_mention_where_none_is(text, absent):
    assert absent not in {m.title for m in mentions_of(text)}


# ------------------------------------------------------------------------ numbering styles

NUMBERING = [
    ("一、总体要求\n二、主要任务\n（一）加强党建。落实《A省党建工作规定》。\n（二）深化改革。", "一", "二"),
    ("一、主要任务\n1. 加强党建。\n2. 深化改革。落实《教育改革实施方案》。", "2", "一"),
    ("1、加强党建。\n2、深化改革。落实《教育改革实施方案》。", "2", None),
    ("一、主要任务\n（1）加强党建。\n（2）深化改革。落实《教育改革实施方案》。", "2", "一"),
    ("一是加强党建。\n二是深化改革，落实《教育改革实施方案》。", "二", None),
    ("①加强党建。\n②深化改革，落实《教育改革实施方案》。", "②", None),
    ("前言：落实《教育改革实施方案》。\n1. 加强党建。", "0", None),
    ("总体要求没有编号，落实《教育改革实施方案》。", "0", None),
]


def test_a_law_found_by_the_registry_and_by_the_grammar_is_one_mention():
    text = (
        TIANSHUI + "1. 落实《中华人民共和国城市居民委员会组织法》。\n2. 依据城市居民委员会组织法和《重庆市实施办法》。"
    )
    assert [m.item for m in mentions_of(text) if m.title == "城市居民委员会组织法"] == ["2"]


@pytest.mark.parametrize(("body", "item", "section"), NUMBERING, ids=[row[0][:6] for row in NUMBERING])
def test_a_mention_sits_under_its_innermost_heading(body, item, section):
    extraction = extract_text("某市教育局2020年工作计划\n" + body)
    (mention,) = [m for m in extraction.mentions if m.title == "教育改革实施方案" or m.title.startswith("A省")]
    assert mention.item == item
    around = [s.label for s in extraction.document.sections if s.start <= mention.start < s.end]
    assert (around[0] if around else None) == section


def test_numbers_that_do_not_continue_a_list_are_no_headings():
    text = "某市教育局2020年工作计划\n1. 建设学位。\n2. 新增学位2.7万个。\n2017年完成。\n3. 落实《教育改革实施方案》。"
    items = [i.label for i in extract_text(text).document.items]
    assert items == ["0", "1", "2", "3"]


# ------------------------------------------------------------------------------ document


@pytest.mark.parametrize(
    ("header", "jurisdiction", "level", "issuer"),
    [
        ("[政府OA] 无障碍版 | rss订阅\n288563.com2017年工作计划\n\n市教育局 发表时间:2017-03-29 17:51\n一、任务\n1. 佛山市教育。佛山市学校。",
         "440600", Level.MUNICIPAL, "佛山市教育局"),
        ("南京市鼓楼区教育局2018年工作计划\n1、任务。", "320106", Level.COUNTY, "南京市鼓楼区教育局"),
        ("北京市海淀区教育委员会2021年工作要点\n(一)任务。", "110108", Level.COUNTY, "北京市海淀区教育委员会"),
        ("四川省教育厅2020年工作要点\n1.任务。", "510000", Level.PROVINCIAL, "四川省教育厅"),
        ("教育部2019年工作要点\n一、任务", "000000", Level.NATIONAL, "教育部"),
        ("关于印发《重庆市教育委员会2019年工作要点》的通知\n现将《重庆市教育委员会2019年工作要点》印发给你们。\n一、任务", "500000", Level.PROVINCIAL, "重庆市教育委员会"),
        ("杭州市教育局2017年工作要点\n发布机构：杭州市教育局\n1. 下城区学校建设。", "330100", Level.MUNICIPAL, "杭州市教育局"),
        ("沈阳市教育局二〇一九年工作要点\n1. 落实任务。", "210100", Level.MUNICIPAL, "沈阳市教育局"),
        ("广西壮族自治区教育厅2019年工作要点\n1．任务。", "450000", Level.PROVINCIAL, "广西壮族自治区教育厅"),
        # a WeChat article's chrome is no title; the title's issuer wins over who posted it
        ("原创 辽宁民政 辽宁民政 2021-02-25 16:30\n收录于话题\n#民政工作要点 3个\n\n辽宁省民政厅2021年工作要点\n\n"
         "来源：辽宁省民政厅办公室\n1. 任务。", "210000", Level.PROVINCIAL, "辽宁省民政厅"),
        ("杭州市余杭区仓前街道2021年工作计划\n1. 任务。", "330110", Level.COUNTY, "杭州市余杭区仓前街道"),
    ],
)  # fmt: skip
def test_document_place_and_issuer(header, jurisdiction, level, issuer):
    document = extract_text(header).document
    assert (document.jurisdiction, document.level, document.issuer) == (jurisdiction, level, issuer)


def test_a_year_in_chinese_numerals_is_the_plan_s_year():
    assert extract_text("沈阳市教育局二〇一九年工作要点\n1. 落实任务。").document.year == 2019


def test_a_title_broken_over_two_lines_is_one_title_and_an_unclosed_one_is_none():
    text = (
        HANGZHOU + "1. 落实省教育厅《关于加强\n学校管理的意见》，制定《杭州市学校管理办法》。\n"
        "2. 落实《关于推进改革的意见。\n3. 制定《杭州市学籍管理办法》。\n4. 落实《关于\n5. 加强管理的意见》。"
    )
    mentions = extract_text(text).mentions
    assert [(m.item, m.title) for m in mentions] == [
        ("1", "关于加强学校管理的意见"),
        ("1", "杭州市学校管理办法"),
        ("3", "杭州市学籍管理办法"),
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert mentions[0].issuers == ("浙江省教育厅",)


def test_a_plan_that_names_itself_is_no_mention_of_itself():
    text = (
        "关于印发《重庆市教育委员会2019年工作要点》的通知\n现将《重庆市教育委员会2019年工作要点》印发给你们。\n一、任务"
    )
    extraction = extract_text(text)
    assert extraction.document.title == "重庆市教育委员会2019年工作要点"
    assert extraction.mentions == []


def test_a_notice_s_plan_named_with_its_issuer_or_place_is_no_mention_of_itself():
    text = (
        "马尔康市人民政府办公室关于印发2021年政府工作要点的通知\n《马尔康市2021年政府工作要点》已经市政府审议通过，"
        "现印发给你们。\n马尔康市2021年政府工作要点\n1. 落实《阿坝州2021年政府工作要点》。"
    )
    assert [m.title for m in extract_text(text).mentions] == ["阿坝州2021年政府工作要点"]


def test_a_place_s_five_year_outline_is_one_policy_by_its_full_and_its_short_name():
    from extractors.pipeline import resolve

    text = (
        "马尔康市人民政府办公室关于印发2021年政府工作要点的通知\n"
        "1. 落实《马尔康市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》。\n"
        "2. 紧扣市“十四五”规划纲要，落实《四川省“十四五”规划纲要》。"
    )
    (extraction,), _ = resolve([extract_text(text)])
    ids = [m.policy_id for m in extraction.mentions]
    assert len(ids) == 3 and ids[0] == ids[1] != ids[2]


def test_a_body_s_rules_named_by_their_genre_alone_keep_the_body_in_their_key():
    from extractors.pipeline import resolve

    text = "马尔康市人民政府办公室2021年工作要点\n1. 修订《马尔康市安全生产委员会工作规则》，落实《马尔康市防汛抗旱指挥部工作规则》。"
    _, policies = resolve([extract_text(text)])
    assert sorted(p.title for p in policies) == ["马尔康市安全生产委员会工作规则", "马尔康市防汛抗旱指挥部工作规则"]


HANSHAN_PDF = """邯郸市邯山区民政局2022年工作计划
2022年全区民政工作的总体要求是：坚持以习近平新时代中国特色社会主
义思想为指导，全面贯彻党的十九大精神，认真落实中央经济工作会议
、全国民政工作会议、省第十次党代会、全省民政工作会议和全市民
政工作会议精神，推动全区民政事业高质量发展。
一、聚焦兜底保障，织密扎牢社会救助网
（一）健全社会救助体系。深入贯彻中共中央办公厅、国务院办公厅《关于改
革完善社会救助制度的意见》，认真落实国务院《社会救助暂行办法》，加快构
建社会救助体系。按照民政部、财政部、国家乡村振兴局《关于切
实做好最低生活保障等社会救助兜底保障工作的通知》要求，全面落实区
政府《邯山区困难群众临时救助实施细则》，推行“先行救助”，探

— 2 —

索建立“一门受理、协同办理”机制。认真落实村民委员会组织法和城市居民委员会
组织法，严格落实中央八项规定。
"""


def test_a_page_copied_out_of_a_pdf_is_read_across_its_line_breaks():
    extraction = extract_text(HANSHAN_PDF)
    found = {m.title: m for m in extraction.mentions}
    assert {"全国民政工作会议", "全市民政工作会议", "城市居民委员会组织法"} <= set(found)
    assert found["关于改革完善社会救助制度的意见"].issuers == ("中共中央办公厅", "国务院办公厅")
    assert found["邯山区困难群众临时救助实施细则"].issuers == ("邯郸市邯山区人民政府",)
    assert found["中央八项规定"].relation is Relation.IMPLEMENTS
    for m in extraction.mentions:  # surfaces keep the line breaks as printed
        assert HANSHAN_PDF[m.start : m.end] == m.surface
    assert [i.label for i in extraction.document.items] == ["0", "一"]
    assert "— 2 —" not in extraction.document.items[1].heading


def test_a_page_that_lost_its_line_breaks_has_its_headings_inside_its_lines():
    text = (
        "湘潭市岳塘区教育局2021年工作要点\n2021年全区教育工作的总体要求是：全面贯彻党的十九大精神，推动全区教育高质量发展。"
        + "全区教育系统要统一、规范、高效地推进各项工作。" * 30
        + "一、加强党的建设（一）深入学习贯彻。认真落实《中国共产党章程》。（二）落实从严治党。执行中央八项规定。"
        "二、发展学前教育1.扩大资源。落实《湖南省学前教育条例》。2.提升质量。贯彻《3-6岁儿童学习与发展指南》。\n"
    )
    extraction = extract_text(text)
    assert [(i.label, i.heading) for i in extraction.document.items] == [
        ("0", ""), ("一", "深入学习贯彻"), ("二", "落实从严治党"), ("1", "扩大资源"), ("2", "提升质量")
    ]  # fmt: skip
    # …and where the sections start lines of their own, with their items run together after them
    filler = "全区教育系统要统一、规范、高效地推进各项工作。" * 30
    sections_on_lines = text.replace("一、加强", "\n一、加强").replace("二、发展", filler + "\n二、发展")
    sections_on_lines = sections_on_lines.replace("2.提升质量", filler + "2.提升质量")
    assert [i.label for i in extract_text(sections_on_lines).document.items] == ["0", "一", "二", "1", "2"]
    assert [s.heading for s in extraction.document.sections] == ["加强党的建设", "发展学前教育"]
    assert [(m.title, m.item) for m in extraction.mentions if m.tier is Tier.A] == [
        ("中国共产党章程", "一"), ("湖南省学前教育条例", "1"), ("3-6岁儿童学习与发展指南", "2")
    ]  # fmt: skip


def test_a_scraped_page_s_short_lines_are_not_joined():
    from extractors.cleaning import clean

    page = "无障碍版 | 首页\n当前位置：首页 > 规划计划\n佛山市教育局2017年工作计划\n一、总体要求\n1. 落实《A办法》。\n"
    assert clean(page).text.count("\n") == page.count("\n")


def test_offsets_point_into_the_document_text(seed_corpus):
    (document,) = seed_corpus.documents
    for mention in seed_corpus.mentions:
        assert document.text[mention.start : mention.end] == mention.surface


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "corpus").glob("*_*.*")), ids=lambda p: p.stem)
def test_offsets_hold_in_every_plan_of_the_test_corpus(path):
    from extractors.pipeline import extract_file

    extraction = extract_file(path)
    assert extraction.mentions
    for mention in extraction.mentions:
        assert extraction.document.text[mention.start : mention.end] == mention.surface


def test_offsets_hold_in_traditional_and_spaced_text():
    text = "武漢市教育局2019年工作要點\n1. 貫徹 落實《國務院關於 深化考試招生制度改革的實施意見》，質量監 測。"
    for mention in extract_text(text).mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert " " not in mention.title


def test_same_generic_title_in_two_provinces_is_two_policies():
    from extractors.pipeline import resolve

    plans = [
        extract_text("湖南省教育厅2019年工作要点\n1. 制定《关于加强家庭教育工作的实施意见》。", doc="hunan"),
        extract_text("江西省教育厅2019年工作要点\n1. 制定《关于加强家庭教育工作的实施意见》。", doc="jiangxi"),
    ]
    resolved, policies = resolve(plans)
    ids = {m.policy_id for e in resolved for m in e.mentions}
    assert len(ids) == 2 and len(policies) == 2


def test_a_title_named_with_an_issuer_elsewhere_resolves_a_bare_mention():
    from extractors.pipeline import resolve

    plans = [
        extract_text("广州市教育局2018年工作要点\n1. 落实《关于推进智慧教育的实施意见》。", doc="gz"),
        extract_text("广东省教育厅2018年工作要点\n1. 落实省政府《关于推进智慧教育的实施意见》。", doc="gd"),
    ]
    resolved, _ = resolve(plans)
    bare = next(m for m in resolved[0].mentions)
    explicit = next(m for m in resolved[1].mentions)
    assert bare.policy_id == explicit.policy_id
    assert (bare.level, bare.level_source) == (Level.PROVINCIAL, LevelSource.CORPUS)


def test_variants_of_one_title_are_one_policy():
    from extractors.pipeline import resolve

    text = (
        "佛山市教育局2017年工作计划\n1. 贯彻落实国务院《关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》。\n"
        "2. 落实《国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》，落实《党内问责条例》和"
        "《中国共产党问责条例》，执行《民办教育促进法》和《中华人民共和国民办教育促进法》。"
    )
    (extraction,), policies = resolve([extract_text(text)])
    by_title = {m.title: m.policy_id for m in extraction.mentions}
    assert (
        by_title["关于统筹推进县域内城乡义务教育一体化改革发展的若干意见"]
        == by_title["国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见"]
    )
    assert by_title["党内问责条例"] == by_title["中国共产党问责条例"]
    assert by_title["民办教育促进法"] == by_title["中华人民共和国民办教育促进法"]


def test_a_numbered_document_is_that_of_its_year():
    from extractors.pipeline import resolve

    plan_2020 = (
        "拉萨市城关区农业农村局2020年工作计划\n1. 认真落实中央一号文件精神。\n"
        "2. 贯彻《中共中央 国务院关于抓好“三农”领域重点工作确保如期实现全面小康的意见》。"
    )
    plan_2021 = "于都县农业农村局2021年工作计划\n1. 认真落实中央一号文件和省委一号文件精神。"
    (a, b), _ = resolve([extract_text(plan_2020, doc="a"), extract_text(plan_2021, doc="b")])
    ids_2020 = {m.policy_id for m in a.mentions}
    assert len(ids_2020) == 1  # the 2020 plan's 中央一号文件 is the 2020 document it names in full
    assert not ids_2020 & {m.policy_id for m in b.mentions}  # the 2021 plan's is another


def test_a_declared_short_name_is_the_policy_it_stands_for_in_its_own_plan_only():
    from extractors.pipeline import resolve

    plans = [
        extract_text(
            CHANGSHA + "一是按照省委、省政府《关于全面加强劳动教育的实施意见》（以下简称《意见》），"
            "开展劳动教育。\n二是落实《意见》各项任务。",
            doc="changsha",
        ),
        extract_text(HANGZHOU + "1. 落实《意见》。", doc="hangzhou"),
    ]
    (changsha, hangzhou), policies = resolve(plans)
    full, later = changsha.mentions  # the declaration is part of the full title's mention
    assert later.title == "意见" and later.refers_to == "关于全面加强劳动教育的实施意见"
    assert full.policy_id == later.policy_id
    assert (later.level, later.jurisdiction, later.issuers) == (Level.PROVINCIAL, "430000", ())
    assert later.item == "二"
    (elsewhere,) = hangzhou.mentions
    assert elsewhere.policy_id != full.policy_id and not elsewhere.refers_to
    assert "意见" in next(p for p in policies if p.id == full.policy_id).aliases
