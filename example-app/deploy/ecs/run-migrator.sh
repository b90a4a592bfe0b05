#!/usr/bin/env bash
# Runs the migrator as a one-off ECS task, waits for it, and exits with the migrator's exit code,
# so a deployment pipeline stops before updating the service when the migration failed.
set -euo pipefail
cluster="${CLUSTER:-library}"
subnets="${SUBNETS:?comma-separated subnet ids}"
security_groups="${SECURITY_GROUPS:?comma-separated security group ids}"

task_arn=$(aws ecs run-task --cluster "$cluster" --launch-type FARGATE \
  --task-definition library-migrator \
  --network-configuration "awsvpcConfiguration={subnets=[$subnets],securityGroups=[$security_groups],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)
echo "Migrator task: $task_arn"
aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task_arn"
exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task_arn" \
  --query 'tasks[0].containers[?name==`migrator`].exitCode | [0]' --output text)
echo "Migrator exit code: $exit_code"
[ "$exit_code" = "0" ] || exit "${exit_code/None/1}"
aws ecs update-service --cluster "$cluster" --service library --force-new-deployment > /dev/null
