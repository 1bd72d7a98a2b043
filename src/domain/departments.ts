/**
 * English names of the words government bodies are named with (general knowledge: the usual
 * official translations of 国务院 departments and their local counterparts). One table serves
 * both directions: replies spell the body of 某某区市场监督管理局 as “Market Regulation Bureau”,
 * and “market regulation bureau” in an English question is read as 市场监督管理局.
 */

/** What a body does (the part before 局/委员会/办公室…), longest first where one contains another. */
export const DEPARTMENT_WORDS: readonly (readonly [zh: string, en: string])[] = [
  ['人力资源和社会保障', 'Human Resources and Social Security'],
  ['住房和城乡建设', 'Housing and Urban-Rural Development'],
  ['工业和信息化', 'Industry and Information Technology'],
  ['国有资产监督管理', 'State-owned Assets Supervision and Administration'],
  ['粮食和物资储备', 'Food and Strategic Reserves'],
  ['民族宗教事务', 'Ethnic and Religious Affairs'],
  ['综合行政执法', 'Comprehensive Administrative Law Enforcement'],
  ['机关事务管理', 'Government Offices Administration'],
  ['市场监督管理', 'Market Regulation'],
  ['退役军人事务', 'Veterans Affairs'],
  ['国有资产管理', 'State-owned Assets Administration'],
  ['林业和草原', 'Forestry and Grassland'],
  ['发展和改革', 'Development and Reform'],
  ['文化和旅游', 'Culture and Tourism'],
  ['文化广电', 'Culture, Radio and Television'],
  ['发展改革', 'Development and Reform'],
  ['科学技术', 'Science and Technology'],
  ['卫生健康', 'Health'],
  ['医疗保障', 'Healthcare Security'],
  ['应急管理', 'Emergency Management'],
  ['农业农村', 'Agriculture and Rural Affairs'],
  ['乡村振兴', 'Rural Revitalisation'],
  ['自然资源', 'Natural Resources'],
  ['生态环境', 'Ecology and Environment'],
  ['交通运输', 'Transport'],
  ['行政审批', 'Administrative Approval'],
  ['政务服务', 'Government Services'],
  ['数据资源', 'Data Resources'],
  ['经济发展', 'Economic Development'],
  ['投资促进', 'Investment Promotion'],
  ['社会事业', 'Social Affairs'],
  ['城市管理', 'Urban Management'],
  ['综合执法', 'Comprehensive Law Enforcement'],
  ['金融工作', 'Financial Affairs'],
  ['财政金融', 'Finance and Financial Affairs'],
  ['旅游与文化体育', 'Tourism, Culture and Sports'],
  ['文化体育', 'Culture and Sports'],
  ['大数据', 'Big Data'],
  ['公安', 'Public Security'],
  ['财政', 'Finance'],
  ['金融', 'Finance'],
  ['教育', 'Education'],
  ['民政', 'Civil Affairs'],
  ['司法', 'Justice'],
  ['交通', 'Transport'],
  ['建设', 'Construction'],
  ['水利', 'Water Resources'],
  ['水务', 'Water Affairs'],
  ['商务', 'Commerce'],
  ['文化', 'Culture'],
  ['旅游', 'Tourism'],
  ['体育', 'Sports'],
  ['审计', 'Audit'],
  ['统计', 'Statistics'],
  ['林业', 'Forestry'],
  ['科技', 'Science and Technology'],
  ['信访', 'Letters and Visits'],
  ['税务', 'Taxation'],
  ['气象', 'Meteorology'],
  ['档案', 'Archives'],
  ['应急', 'Emergency Management'],
  ['规划', 'Planning'],
  ['能源', 'Energy'],
  ['管理', 'Administration'],
];

/** The kind of body, last in its name. */
export const BODY_WORDS: readonly (readonly [zh: string, en: string])[] = [
  ['管理委员会', 'Administrative Committee'],
  ['管委会', 'Administrative Committee'],
  ['街道办事处', 'Subdistrict Office'],
  ['委员会', 'Commission'],
  ['办公室', 'Office'],
  ['办公厅', 'General Office'],
  ['中心', 'Centre'],
  ['局', 'Bureau'],
  ['委', 'Commission'],
  ['厅', 'Department'],
  ['办', 'Office'],
];

/** Zones and their parts, spelled out where a division suffix would be. */
export const ZONE_WORDS: readonly (readonly [zh: string, en: string])[] = [
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['综合实验区', 'Comprehensive Pilot Zone'],
  ['开发区', 'Development Zone'],
  ['工业园区', 'Industrial Park'],
  ['片区', 'Area'],
];

/** Joining words inside a body's name: 自然资源与生态环境局. */
export const JOIN_WORDS: readonly string[] = ['和', '与', '及'];
