/**
 * National and provincial zones and new areas that are not divisions of GB/T 2260 themselves,
 * with the division that hosts them (general knowledge: the county, district or city the zone
 * lies in or is run by). A zone's bureaus and sub-area offices belong to the host's region.
 */
export const ZONES: readonly { name: string; host: string }[] = [
  { name: '平潭综合实验区', host: '350128' },
  { name: '雄安新区', host: '130600' },
  { name: '两江新区', host: '500000' },
  { name: '天府新区', host: '510100' },
  { name: '舟山群岛新区', host: '330900' },
  { name: '兰州新区', host: '620100' },
  { name: '南沙新区', host: '440115' },
  { name: '西咸新区', host: '610100' },
  { name: '贵安新区', host: '520100' },
  { name: '西海岸新区', host: '370211' },
  { name: '金普新区', host: '210213' },
  { name: '哈尔滨新区', host: '230100' },
  { name: '长春新区', host: '220100' },
  { name: '赣江新区', host: '360100' },
  { name: '滇中新区', host: '530100' },
  { name: '江北新区', host: '320100' },
  { name: '福州新区', host: '350100' },
  { name: '湘江新区', host: '430100' },
  { name: '横琴粤澳深度合作区', host: '440400' },
  { name: '前海深港现代服务业合作区', host: '440300' },
  { name: '苏州工业园区', host: '320500' },
  { name: '临港新片区', host: '310115' },
];
