/** Every rule, sorted by id. registry.test.ts pins this list. */
import type { Rule } from './types.ts';
import { ACM_01 } from './rules/edge/ACM-01.ts';
import { ACM_02 } from './rules/edge/ACM-02.ts';
import { ACM_03 } from './rules/edge/ACM-03.ts';
import { ALB_01 } from './rules/alb/ALB-01.ts';
import { ALB_02 } from './rules/alb/ALB-02.ts';
import { ALB_03 } from './rules/alb/ALB-03.ts';
import { APIG_01 } from './rules/edge/APIG-01.ts';
import { APIG_02 } from './rules/edge/APIG-02.ts';
import { APIG_03 } from './rules/edge/APIG-03.ts';
import { APIG_04 } from './rules/edge/APIG-04.ts';
import { APIG_05 } from './rules/edge/APIG-05.ts';
import { ATH_01 } from './rules/data/ATH-01.ts';
import { BAK_01 } from './rules/backup/BAK-01.ts';
import { BAK_02 } from './rules/backup/BAK-02.ts';
import { BAK_03 } from './rules/backup/BAK-03.ts';
import { BAK_04 } from './rules/backup/BAK-04.ts';
import { CF_01 } from './rules/edge/CF-01.ts';
import { CF_02 } from './rules/edge/CF-02.ts';
import { CF_03 } from './rules/edge/CF-03.ts';
import { R53_01 } from './rules/edge/R53-01.ts';
import { R53_02 } from './rules/edge/R53-02.ts';
import { R53_03 } from './rules/edge/R53-03.ts';
import { WAF_01 } from './rules/edge/WAF-01.ts';
import { WAF_02 } from './rules/edge/WAF-02.ts';
import { WAF_03 } from './rules/edge/WAF-03.ts';
import { COG_01 } from './rules/security/COG-01.ts';
import { CON_01 } from './rules/connection/CON-01.ts';
import { CON_02 } from './rules/connection/CON-02.ts';
import { CON_03 } from './rules/connection/CON-03.ts';
import { COST_01 } from './rules/cost/COST-01.ts';
import { COST_02 } from './rules/cost/COST-02.ts';
import { COST_03 } from './rules/cost/COST-03.ts';
import { COST_04 } from './rules/cost/COST-04.ts';
import { COST_05 } from './rules/cost/COST-05.ts';
import { COST_06 } from './rules/cost/COST-06.ts';
import { CW_01 } from './rules/observability/CW-01.ts';
import { CW_02 } from './rules/observability/CW-02.ts';
import { DAT_01 } from './rules/data/DAT-01.ts';
import { DDB_01 } from './rules/data/DDB-01.ts';
import { DDB_02 } from './rules/data/DDB-02.ts';
import { EC_01 } from './rules/data/EC-01.ts';
import { EC_02 } from './rules/data/EC-02.ts';
import { EC_03 } from './rules/data/EC-03.ts';
import { ECS_01 } from './rules/containers/ECS-01.ts';
import { ECS_02 } from './rules/containers/ECS-02.ts';
import { ECS_03 } from './rules/containers/ECS-03.ts';
import { ECS_04 } from './rules/containers/ECS-04.ts';
import { EKS_01 } from './rules/containers/EKS-01.ts';
import { EKS_02 } from './rules/containers/EKS-02.ts';
import { EVR_01 } from './rules/messaging/EVR-01.ts';
import { EVR_02 } from './rules/messaging/EVR-02.ts';
import { IAM_01 } from './rules/security/IAM-01.ts';
import { IAM_03 } from './rules/text/IAM-03.ts';
import { FH_01 } from './rules/data/FH-01.ts';
import { FH_02 } from './rules/data/FH-02.ts';
import { FH_03 } from './rules/data/FH-03.ts';
import { MSK_01 } from './rules/data/MSK-01.ts';
import { MSK_02 } from './rules/data/MSK-02.ts';
import { MSK_03 } from './rules/data/MSK-03.ts';
import { KIN_01 } from './rules/data/KIN-01.ts';
import { LAM_01 } from './rules/lambda/LAM-01.ts';
import { LAM_02 } from './rules/lambda/LAM-02.ts';
import { LAM_03 } from './rules/lambda/LAM-03.ts';
import { LAM_04 } from './rules/lambda/LAM-04.ts';
import { LIM_01 } from './rules/limits/LIM-01.ts';
import { MSG_01 } from './rules/messaging/MSG-01.ts';
import { NEP_01 } from './rules/data/NEP-01.ts';
import { NEP_02 } from './rules/data/NEP-02.ts';
import { NET_01 } from './rules/network/NET-01.ts';
import { NET_02 } from './rules/network/NET-02.ts';
import { NET_03 } from './rules/network/NET-03.ts';
import { NET_04 } from './rules/network/NET-04.ts';
import { NET_05 } from './rules/network/NET-05.ts';
import { NET_06 } from './rules/network/NET-06.ts';
import { NET_07 } from './rules/network/NET-07.ts';
import { NET_08 } from './rules/network/NET-08.ts';
import { BAS_01 } from './rules/network/BAS-01.ts';
import { ECR_01 } from './rules/containers/ECR-01.ts';
import { ECR_02 } from './rules/containers/ECR-02.ts';
import { ECR_03 } from './rules/containers/ECR-03.ts';
import { ECR_04 } from './rules/containers/ECR-04.ts';
import { OS_01 } from './rules/data/OS-01.ts';
import { OS_02 } from './rules/data/OS-02.ts';
import { OS_03 } from './rules/data/OS-03.ts';
import { PERF_01 } from './rules/performance/PERF-01.ts';
import { PERF_02 } from './rules/performance/PERF-02.ts';
import { PERF_03 } from './rules/performance/PERF-03.ts';
import { PERF_04 } from './rules/performance/PERF-04.ts';
import { PLC_01 } from './rules/placement/PLC-01.ts';
import { PLC_02 } from './rules/placement/PLC-02.ts';
import { PLC_03 } from './rules/placement/PLC-03.ts';
import { RDS_01 } from './rules/data/RDS-01.ts';
import { RDS_02 } from './rules/data/RDS-02.ts';
import { RDS_03 } from './rules/data/RDS-03.ts';
import { RDS_04 } from './rules/data/RDS-04.ts';
import { RDS_05 } from './rules/data/RDS-05.ts';
import { RDS_06 } from './rules/data/RDS-06.ts';
import { S3_01 } from './rules/storage/S3-01.ts';
import { S3_02 } from './rules/storage/S3-02.ts';
import { S3_03 } from './rules/storage/S3-03.ts';
import { EFS_01 } from './rules/storage/EFS-01.ts';
import { EFS_02 } from './rules/storage/EFS-02.ts';
import { EFS_03 } from './rules/storage/EFS-03.ts';
import { SFN_01 } from './rules/messaging/SFN-01.ts';
import { SG_01 } from './rules/network/SG-01.ts';
import { SG_02 } from './rules/network/SG-02.ts';
import { SG_03 } from './rules/network/SG-03.ts';
import { CFG_01 } from './rules/audit/CFG-01.ts';
import { CFG_02 } from './rules/audit/CFG-02.ts';
import { CT_01 } from './rules/audit/CT-01.ts';
import { CT_02 } from './rules/audit/CT-02.ts';
import { CT_03 } from './rules/audit/CT-03.ts';
import { CT_04 } from './rules/audit/CT-04.ts';
import { KMS_01 } from './rules/security/KMS-01.ts';
import { KMS_02 } from './rules/security/KMS-02.ts';
import { SM_01 } from './rules/security/SM-01.ts';
import { SNS_01 } from './rules/messaging/SNS-01.ts';
import { SQS_02 } from './rules/messaging/SQS-02.ts';
import { SQS_03 } from './rules/messaging/SQS-03.ts';
import { SQS_04 } from './rules/messaging/SQS-04.ts';
import { SQS_05 } from './rules/messaging/SQS-05.ts';
import { SQS_06 } from './rules/messaging/SQS-06.ts';
import { SUS_01 } from './rules/sustainability/SUS-01.ts';
import { SUS_02 } from './rules/sustainability/SUS-02.ts';
import { TAG_01 } from './rules/text/TAG-01.ts';
import { TAG_02 } from './rules/text/TAG-02.ts';
import { TAG_03 } from './rules/text/TAG-03.ts';
import { TXT_01 } from './rules/text/TXT-01.ts';
import { IMP_01 } from './rules/import/IMP-01.ts';
import { IMP_02 } from './rules/import/IMP-02.ts';
import { IMP_03 } from './rules/import/IMP-03.ts';
import { IMP_04 } from './rules/import/IMP-04.ts';
import { IMP_05 } from './rules/import/IMP-05.ts';

export const RULES: readonly Rule[] = [
  ALB_01,
  ALB_02,
  ALB_03,
  APIG_01,
  APIG_02,
  APIG_03,
  APIG_04,
  APIG_05,
  ATH_01,
  BAS_01,
  CF_01,
  CF_02,
  CF_03,
  COG_01,
  CON_01,
  CON_02,
  CON_03,
  COST_01,
  COST_02,
  COST_03,
  COST_04,
  COST_05,
  COST_06,
  CW_01,
  CW_02,
  DAT_01,
  DDB_01,
  DDB_02,
  EC_01,
  EC_02,
  EC_03,
  ECR_01,
  ECR_02,
  ECR_03,
  ECR_04,
  ECS_01,
  ECS_02,
  ECS_03,
  ECS_04,
  EFS_01,
  EFS_02,
  EFS_03,
  EKS_01,
  EKS_02,
  EVR_01,
  EVR_02,
  IAM_01,
  IAM_03,
  KIN_01,
  FH_01,
  FH_02,
  FH_03,
  MSK_01,
  MSK_02,
  MSK_03,
  CT_01,
  CT_02,
  CT_03,
  CT_04,
  CFG_01,
  CFG_02,
  KMS_01,
  KMS_02,
  LAM_01,
  LAM_02,
  LAM_03,
  LAM_04,
  LIM_01,
  MSG_01,
  NEP_01,
  NEP_02,
  NET_01,
  NET_02,
  NET_03,
  NET_04,
  NET_05,
  NET_06,
  NET_07,
  NET_08,
  OS_01,
  OS_02,
  OS_03,
  PERF_01,
  PERF_02,
  PERF_03,
  PERF_04,
  PLC_01,
  PLC_02,
  PLC_03,
  RDS_01,
  RDS_02,
  RDS_03,
  RDS_04,
  RDS_05,
  RDS_06,
  S3_01,
  S3_02,
  S3_03,
  SFN_01,
  SG_01,
  SG_02,
  SG_03,
  SM_01,
  SNS_01,
  SQS_02,
  SQS_03,
  SQS_04,
  SQS_05,
  SQS_06,
  SUS_01,
  SUS_02,
  TAG_01,
  TAG_02,
  TAG_03,
  TXT_01,
  R53_01,
  R53_02,
  R53_03,
  ACM_01,
  ACM_02,
  ACM_03,
  WAF_01,
  WAF_02,
  WAF_03,
  BAK_01,
  BAK_02,
  BAK_03,
  BAK_04,
  IMP_01,
  IMP_02,
  IMP_03,
  IMP_04,
  IMP_05,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
