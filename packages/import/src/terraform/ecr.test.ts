import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { importTerraform } from './index.ts';

const HCL = `
resource "aws_ecr_repository" "images" {
  name                 = "images"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "images" {
  repository = aws_ecr_repository.images.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 10 }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        selection = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 20 }
        action = { type = "expire" }
      }
    ]
  })
}

resource "aws_ecr_repository" "plain" {
  name = "plain"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    { name = "app", image = "\${aws_ecr_repository.images.repository_url}:v3", essential = true }
  ])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
}
`;

describe('importTerraform: ECR repositories', () => {
  it('reads scanning, tags and the lifecycle policy (a part); a Fargate service runs its image', async () => {
    const r = await importTerraform([{ path: 'main.tf', text: HCL }], { parseHcl: parse });
    const outcome = (address: string) => r.report.resources.find((e) => e.sourceId === address)!.outcome;
    const images = r.design.nodes.find(
      (n) =>
        'nodeId' in outcome('aws_ecr_repository.images') &&
        n.id === (outcome('aws_ecr_repository.images') as { nodeId: string }).nodeId,
    )!;
    expect(images).toMatchObject({
      type: 'ecr-repository',
      properties: {
        scanOnPush: true,
        tagMutability: 'IMMUTABLE',
        encryption: 'AES256',
        keepLastImages: 20,
        untaggedExpiryDays: 10,
      },
    });
    expect(outcome('aws_ecr_lifecycle_policy.images')).toMatchObject({ kind: 'part-of', nodeId: images.id });
    const plain = r.design.nodes.find((n) => n.type === 'ecr-repository' && n.id !== images.id)!;
    // AWS's defaults where the configuration says nothing: no scan, mutable tags, nothing expires.
    expect(plain.properties).toMatchObject({
      scanOnPush: false,
      tagMutability: 'MUTABLE',
      keepLastImages: 0,
      untaggedExpiryDays: 0,
    });
    const service = r.design.nodes.find((n) => n.type === 'ecs-fargate')!;
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toContain(
      `${service.id} read ${images.id}`,
    );
  });
});
