/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Names in bylines: which values name nobody (`佚名`, `本网`), which name a
 * newsroom rather than a person (`新华社`, `社會中心`), and the writers a
 * credit lists, one by one (`罗科苏盈` is two names, `欧阳晓明` and `格桑边觉`
 * one; `中国国际经济交流中心…研究员徐占忱` is 徐占忱).
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"
#include "wenji-text.h"

typedef struct {
  GRegex *staff_code;
  GRegex *name_separator;
} Rules;

static gpointer
compile_rules (gpointer data)
{
  Rules *rules = g_new0 (Rules, 1);

  /* Staff codes after an editor's name: `李曦_NN2587`, `支全明 SF099`,
   * and a button's words run on to it. */
  rules->staff_code = wenji_import_rule ("^\\s*[A-Za-z]{1,5}\\d{2,}\\s*$|"
                                         "[_\\s]+[A-Za-z]{1,5}\\d{2,}\\s*$|"
                                         /* A button run on to the name: `赵逸伦我要分享`. */
                                         "(?<=[\\x{4E00}-\\x{9FFF}]{2})(?:我要分享|我要评论|我要評論|"
                                         "分享到|分享|打印|列印)$");
  rules->name_separator = wenji_import_rule ("[\\s\\x{3000}、，,]+");

  return rules;
}

static Rules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}

/**
 * wenji_import_is_all_han:
 * @text: a name a page gives
 *
 * Returns: whether @text is Chinese characters only, one at least
 */
gboolean
wenji_import_is_all_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!wenji_text_is_han (g_utf8_get_char (p)))
      return FALSE;

  return *text != '\0';
}

/* Values that sit in a byline field but name nobody. */
gboolean
wenji_import_is_placeholder (const char *value)
{
  static const char * const placeholders[] = {
    "供稿", "佚名", "未知", "匿名", "网络", "網絡", "网友", "網友", "本站", "本网", "本網",
    "小编", "小編", "admin", "编辑", "編輯", "暂无", "暫無", "无", "無", "转载", "轉載",
    "原创", "原創", "综合", "綜合", "我有话说", "我有話說", "我要评论", "我要評論", "智能抓取",
    "知乎用户", "知乎用戶", "匿名用户", "匿名用戶",
  };

  if (value == NULL || *value == '\0')
    return TRUE;
  /* Markup shown as text by a broken page: `size="20"`. */
  if (strstr (value, "=\"") != NULL || strstr (value, "='") != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_ascii_strcasecmp (value, placeholders[i]) == 0)
      return TRUE;

  /* `转载文章`, `转载自网络` */
  return g_str_has_prefix (value, "转载") || g_str_has_prefix (value, "轉載");
}

/**
 * wenji_import_clean_name:
 * @value: a name as a byline gives it: `李曦_NN2587`, `NF042`, `（王芳）`
 *
 * Returns: (transfer full) (nullable): the name without staff codes and
 *   brackets, or %NULL when nothing that names someone is left
 */
char *
wenji_import_clean_name (const char *value)
{
  g_autofree char *name = NULL;

  if (value == NULL)
    return NULL;

  name = g_regex_replace_literal (get_rules ()->staff_code, value, -1, 0, "", 0, NULL);
  if (name == NULL)
    return NULL;
  g_strstrip (name);
  while (*name != '\0' && strchr ("[]()", name[strlen (name) - 1]) != NULL)
    name[strlen (name) - 1] = '\0';

  return wenji_import_is_placeholder (name) ? NULL : g_steal_pointer (&name);
}

/* A desk or a newsroom, not a person: `社會中心`, `即時新聞`, `綜合`. */
static gboolean
is_desk (const char *name)
{
  static const char * const desks[] = {
    "中心", "新聞", "新闻", "組", "组", "部", "室", "社", "台", "網", "网", "綜合", "综合",
    "即時", "即时", "本報", "本报", "外電", "外电", "快訊", "快讯",
  };

  /* A portal's desk named for it: `新浪电竞`, `腾讯科技`. */
  static const char * const portals[] = { "新浪", "腾讯", "騰訊", "网易", "網易", "搜狐", "凤凰", "鳳凰" };

  for (guint i = 0; i < G_N_ELEMENTS (desks); i++)
    if (g_str_has_suffix (name, desks[i]) || g_str_has_prefix (name, desks[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (portals); i++)
    if (g_str_has_prefix (name, portals[i]) && g_utf8_strlen (name, -1) > 2)
      return TRUE;

  return FALSE;
}

/* Whether the words before `记者` name a newsroom that is a source:
 * `新华社`, `新华日报·交汇点`; not `本报`, `总台`. */
gboolean
wenji_import_is_newsroom (const char *name)
{
  static const char * const words[] = {
    "报", "報", "社", "网", "網", "台", "电视", "電視", "广播", "廣播", "新闻", "新聞",
  };

  if (name == NULL || g_utf8_strlen (name, -1) < 3 || g_str_has_prefix (name, "本"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (name, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * wenji_import_is_newsroom_name:
 * @line: a line of a page
 *
 * Returns: whether @line is nothing but a paper's, an agency's or a
 *   broadcaster's name: `中國時報`, `新华社`, `中央人民广播电台`
 */
gboolean
wenji_import_is_newsroom_name (const char *line)
{
  /* 电台 and 电视台, not 平台. */
  static const char * const endings[] = {
    "报", "報", "社", "电台", "電台", "视台", "視台", "电视", "電視", "广播", "廣播",
  };
  glong chars = g_utf8_strlen (line, -1);

  if (chars < 3 || chars > 10 || !wenji_import_is_newsroom (line) ||
      !wenji_import_is_all_han (line))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (line, endings[i]))
      return TRUE;

  return FALSE;
}

static gboolean
has_double_surname (const char *name)
{
  static const char * const surnames[] = {
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲",
    "公孙", "公孫", "慕容", "令狐", "宇文", "长孙", "長孫", "夏侯", "轩辕", "軒轅", "司徒", "端木",
    "范姜", "张简", "張簡", "西门", "西門", "独孤", "獨孤", "南宫", "南宮", "申屠", "澹台",
  };

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    if (g_str_has_prefix (name, surnames[i]))
      return TRUE;

  return FALSE;
}

/**
 * wenji_import_is_name_in_letters:
 * @text: a name a page gives
 *
 * Returns: whether @text is a name in letters as people write theirs
 *   (`Mon1st`, `Neo Lee`): some small letters, no dot, a few words; not an
 *   agency's capitals or an address (`CNA`, `on.cc`)
 */
gboolean
wenji_import_is_name_in_letters (const char *text)
{
  gboolean lower = FALSE;
  guint words = 1;

  for (const char *p = text; *p != '\0'; p++) {
    if (!g_ascii_isalnum (*p) && *p != ' ' && *p != '_' && *p != '-')
      return FALSE;
    lower = lower || g_ascii_islower (*p);
    words += *p == ' ';
  }

  return lower && words <= 3;
}

/**
 * wenji_import_has_surname:
 * @name: a name a credit seems to give, with nothing around it: `钟才文`
 *
 * Returns: whether @name starts with a common Chinese surname, which
 *   a word in brackets that names nobody (`（空行）`, `（待续）`) does not
 */
gboolean
wenji_import_has_surname (const char *name)
{
  static const char surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋"
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫"
    "阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜"
    "倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂凃成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
    "芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚"
    "皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣"
    "晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况宿鲜印逯隆茹诸"
    "战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭赖"
    "洪粘張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾鐘譚陸賈韋鄒閻賀顧龔萬錢嚴湯溫齊喬"
    "龐顏莊聶魯歐關蘭寧紀畢單駱藍饒繆車項連蘆麥婁竇費衛鄔邊師欒鞏鄺荊樂諶藺樓闞權帥豐"
    "國晉門雲闕賴龍陽時農羅萊來瀋塗鮑華蔣候";
  g_autofree char *first = NULL;

  if (has_double_surname (name))
    return TRUE;
  first = g_utf8_substring (name, 0, 1);

  return *first != '\0' && strstr (surnames, first) != NULL;
}

/* Common syllables of Tibetan names, which have no surname. */
static const char * const tibetan_syllables[] = {
  "格桑", "次仁", "扎西", "达瓦", "边巴", "边觉", "顿珠", "旺堆", "多吉", "卓玛", "央金", "拉姆",
  "尼玛", "普布", "索朗", "洛桑", "丹增", "强巴", "平措", "欧珠", "巴桑", "罗布", "次旦", "德吉",
  "白玛", "米玛", "旦增", "曲珍", "拉巴", "仁增", "益西", "群培", "贡嘎", "桑珠", "琼达", "措姆",
};

/* Whether @name is a Tibetan name of two common syllables, `格桑边觉`,
 * `次仁罗布`: one name of four characters, not two of two. */
static gboolean
is_tibetan_name (const char *name)
{
  g_autofree char *first = NULL;
  const char *second;
  gboolean found_first = FALSE, found_second = FALSE;

  if (g_utf8_strlen (name, -1) != 4)
    return FALSE;
  first = g_utf8_substring (name, 0, 2);
  second = g_utf8_offset_to_pointer (name, 2);

  for (guint i = 0; i < G_N_ELEMENTS (tibetan_syllables); i++) {
    found_first |= g_str_equal (first, tibetan_syllables[i]);
    found_second |= g_str_equal (second, tibetan_syllables[i]);
  }

  return found_first && found_second;
}


/* Whether @name starts with a common Tibetan syllable: `扎西`, `次仁卓玛`. */
static gboolean
starts_tibetan (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tibetan_syllables); i++)
    if (g_str_has_prefix (name, tibetan_syllables[i]))
      return TRUE;

  return FALSE;
}

/* Every name a credit gives, joined with 、. In a reporters' line, four
 * characters with no space between are two names (@pairs). */
char *
wenji_import_credit_names (const char *value,
              gboolean    pairs)
{
  static const char * const not_names[] = {
    "记者", "記者", "通讯员", "通訊員", "报道", "報導", "报导", "摄影", "攝影", "实习生", "實習生",
    "评论员", "評論員", "发自", "發自", NULL
  };
  static const char * const deeds[] = { "采写", "採寫", "撰写", "撰寫", "整理", "编译", "編譯",
                                        "综合报道", "綜合報導" };
  g_auto (GStrv) parts = g_regex_split (get_rules ()->name_separator, value, 0);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; parts[i] != NULL; i++) {
    char *part = g_strstrip (parts[i]);
    char *from;

    /* A name set with a space to line up with longer ones: `方 敏`. */
    if (g_utf8_strlen (part, -1) == 1 && wenji_import_is_all_han (part) && parts[i + 1] != NULL &&
        g_utf8_strlen (parts[i + 1], -1) <= 2 && wenji_import_is_all_han (parts[i + 1])) {
      g_autofree char *joined = g_strconcat (part, parts[i + 1], NULL);

      g_strv_builder_add (names, joined);
      i++;
      continue;
    }

    /* `罗科苏盈发自北京`: where they wrote from is no name; `罗伟采写`: nor
     * what they did. */
    if ((from = strstr (part, "发自")) != NULL || (from = strstr (part, "發自")) != NULL)
      *from = '\0';
    for (guint k = 0; k < G_N_ELEMENTS (deeds); k++)
      if (g_str_has_suffix (part, deeds[k]) && strlen (part) > strlen (deeds[k]))
        part[strlen (part) - strlen (deeds[k])] = '\0';
    if (*part == '\0' || g_strv_contains (not_names, part) || is_desk (part) ||
        g_str_has_suffix (part, "记者") || g_str_has_suffix (part, "記者") ||
        g_str_has_suffix (part, "报") || g_str_has_suffix (part, "報") ||
        g_str_has_suffix (part, "报道") || g_str_has_suffix (part, "報導"))
      continue;
    /* A reporter's name starts with a surname: `记者博客 联系记者` names
     * nobody. */
    if (pairs && wenji_import_is_all_han (part) && !wenji_import_has_surname (part) &&
        !is_tibetan_name (part) && !starts_tibetan (part))
      continue;
    /* Four characters with no space are two names, unless a double surname
     * starts them or they are a Tibetan name: `罗科苏盈`, but `欧阳晓明`,
     * `格桑边觉`. */
    if (pairs && g_utf8_strlen (part, -1) == 4 && !has_double_surname (part) &&
        !is_tibetan_name (part)) {
      g_autofree char *first = g_utf8_substring (part, 0, 2);

      g_strv_builder_add (names, first);
      g_strv_builder_add (names, g_utf8_offset_to_pointer (part, 2));
      continue;
    }
    g_strv_builder_add (names, part);
  }
  list = g_strv_builder_end (names);

  return list[0] != NULL ? g_strjoinv ("、", list) : NULL;
}

char *
wenji_import_reporter_names (const char *value)
{
  return wenji_import_credit_names (value, TRUE);
}

/**
 * wenji_import_province_prefix:
 * @name: a name that may start with a province's: `江苏扬子晚报`
 *
 * Returns: how many bytes of @name the province's name takes, or 0
 */
gsize
wenji_import_province_prefix (const char *name)
{
  static const char * const provinces[] = {
    "北京", "天津", "上海", "重庆", "重慶", "河北", "山西", "辽宁", "遼寧", "吉林", "黑龙江", "黑龍江",
    "江苏", "江蘇", "浙江", "安徽", "福建", "江西", "山东", "山東", "河南", "湖北", "湖南", "广东",
    "廣東", "海南", "四川", "贵州", "貴州", "云南", "雲南", "陕西", "陝西", "甘肃", "甘肅", "青海",
    "台湾", "臺灣", "台灣", "内蒙古", "內蒙古", "广西", "廣西", "西藏", "宁夏", "寧夏", "新疆", "香港",
    "澳门", "澳門",
  };

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (g_str_has_prefix (name, provinces[i]))
      return strlen (provinces[i]);

  return 0;
}

/* The name that starts `方敏北京大学经济学院教授`: two or three characters
 * (three or four after a double surname) before a place or an institution
 * that begins an affiliation. */
static char *
name_before_affiliation (const char *credit)
{
  static const char * const institutions[] = {
    "中国", "中國", "中央", "中共", "国家", "國家", "国务院", "國務院", "全国", "全國", "清华", "清華",
    "复旦", "復旦", "南开", "南開", "同济", "同濟", "厦门", "廈門", "武汉", "武漢", "南京", "中山",
    "人民", "对外", "對外", "首都", "西安", "华东", "華東", "华中", "華中", "华南", "華南", "西南",
    "东北", "東北", "西北", "深圳", "广州", "廣州", "杭州", "国际", "國際", "美国", "美國", "英国",
    "英國", "日本", "北大", "社科院",
  };
  guint shortest = has_double_surname (credit) ? 3 : 2;

  if (!wenji_import_is_all_han (credit))
    return NULL;
  for (guint length = shortest; length <= shortest + 1; length++) {
    const char *rest = g_utf8_offset_to_pointer (credit, length);

    if (g_utf8_strlen (rest, -1) < 4)
      break;
    if (wenji_import_province_prefix (rest) > 0)
      return g_utf8_substring (credit, 0, length);
    for (guint i = 0; i < G_N_ELEMENTS (institutions); i++)
      if (g_str_has_prefix (rest, institutions[i]))
        return g_utf8_substring (credit, 0, length);
  }

  return NULL;
}

/* The writer a `作者：` credit names: `张三、李四`, or the last name of
 * `中国国际经济交流中心世界经济研究部部长，研究员徐占忱`, after the titles. */
char *
wenji_import_author_name (const char *value)
{
  static const char * const titles[] = {
    "研究员", "研究員", "部长", "部長", "教授", "主任", "院长", "院長", "所长", "所長", "博士",
    "讲师", "講師", "专家", "專家", "学者", "學者", "委员", "委員", "书记", "書記", "社长",
    "社長", "会长", "會長", "秘书长", "秘書長", "局长", "局長", "处长", "處長", "经理", "經理",
  };
  g_auto (GStrv) parts = NULL;
  g_autofree char *bare = g_strdup (value);
  const char *last;
  const char *after = NULL;
  guint n;

  /* What the writer did after their name: `李梅综合报道`. */
  if (g_str_has_suffix (bare, "综合报道") || g_str_has_suffix (bare, "綜合報導"))
    bare[strlen (bare) - strlen ("综合报道")] = '\0';
  value = bare;
  parts = g_regex_split (get_rules ()->name_separator, value, 0);
  n = g_strv_length (parts);
  if (n == 0)
    return NULL;
  /* A name in letters, its words apart: `Mahdhi Rezvi`. */
  if (strchr (value, ' ') != NULL && wenji_import_is_name_in_letters (value))
    return g_strdup (value);
  for (guint i = 0; i < n; i++)
    if (g_utf8_strlen (parts[i], -1) > 5)
      break;
    else if (i + 1 == n)
      return wenji_import_credit_names (value, FALSE);

  /* An affiliation and titles, then the name. */
  last = parts[n - 1];
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++) {
    const char *at = g_strrstr (last, titles[i]);

    if (at != NULL && (after == NULL || at + strlen (titles[i]) > after))
      after = at + strlen (titles[i]);
  }
  if (after != NULL && *after != '\0' && g_utf8_strlen (after, -1) <= 4)
    return g_strdup (after);
  /* The name, then the affiliation: `方敏北京大学经济学院教授`. */
  if (after != NULL && *after == '\0' && n == 1)
    return name_before_affiliation (last);

  return g_utf8_strlen (last, -1) <= 4 ? g_strdup (last) : NULL;
}

/**
 * wenji_import_strip_account_word:
 * @text: a name, changed in place
 *
 * Takes a follow button or a platform's word for an account off the end
 * of @text: `新京报关注`, `纵相新闻企鹅号`, `江西统计 公众号`.
 *
 * Returns: whether there was one
 */
gboolean
wenji_import_strip_account_word (char *text)
{
  static const char * const words[] = {
    "关注", "關注", "企鹅号", "网易号", "搜狐号", "头条号", "百家号", "大风号", "一点号",
    "微信公众号", "公众号", "微信公眾號", "公眾號",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    gsize length = strlen (text), word = strlen (words[i]);

    if (length > word + 3 && g_str_has_suffix (text, words[i])) {
      text[length - word] = '\0';
      g_strchomp (text);
      return TRUE;
    }
  }

  return FALSE;
}
